package dev.rocketport.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small order service on Rocketport's Spring Boot starter: {@code POST /orders} publishes an
 * order, {@link Billing} bills it from a {@code @RocketportListener}, {@code GET /invoices/{id}}
 * shows the invoice. {@code rocketport.adapter} picks RocketMQ (default) or the in-memory adapter.
 */
@SpringBootApplication
public class OrderServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(OrderServiceApplication.class, args);
  }
}
