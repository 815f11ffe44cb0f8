package dev.rocketport.examples.spring;

import dev.rocketport.jackson.JsonCodec;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Topic;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's HTTP side: publishes each order it accepts (202 with the message id once the
 * broker stored it; 503 naming the failure when it did not) and shows invoices. Thread-safe.
 */
@RestController
public class OrderController {
  private static final JsonCodec<Order> ORDERS = JsonCodec.of(Order.class);

  private final Publisher publisher;
  private final Billing billing;
  private final Topic topic;

  public OrderController(Publisher publisher, Billing billing, @Value("${orders.topic}") String topic) {
    this.publisher = publisher;
    this.billing = billing;
    this.topic = Topic.of(topic);
  }

  @PostMapping("/orders")
  public ResponseEntity<Map<String, String>> place(@RequestBody Order order) {
    var sent = publisher.send(Message.builder(topic).payload(order, ORDERS).key(order.id()).build());
    return sent.fold(
        failure -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", failure.description())),
        receipt -> ResponseEntity.accepted().body(Map.of("messageId", receipt.messageId())));
  }

  @GetMapping("/invoices/{orderId}")
  public ResponseEntity<Billing.Invoice> invoice(@PathVariable("orderId") String orderId) {
    return billing.invoice(orderId).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
  }
}
