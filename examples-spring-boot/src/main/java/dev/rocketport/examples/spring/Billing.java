package dev.rocketport.examples.spring;

import dev.rocketport.spring.listener.RocketportListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Bills each order once: a listener on the orders topic in the billing group. A redelivered order
 * (at-least-once) finds its invoice already written and is not billed twice. Thread-safe.
 */
@Component
public class Billing {
  /** What was billed for an order. Immutable. */
  public record Invoice(String orderId, String item, int quantity) {}

  private final Map<String, Invoice> invoices = new ConcurrentHashMap<>();

  @RocketportListener(topic = "${orders.topic}", group = "${orders.billing-group}")
  void bill(Order order) {
    invoices.putIfAbsent(order.id(), new Invoice(order.id(), order.item(), order.quantity()));
  }

  public Optional<Invoice> invoice(String orderId) {
    return Optional.ofNullable(invoices.get(orderId));
  }
}
