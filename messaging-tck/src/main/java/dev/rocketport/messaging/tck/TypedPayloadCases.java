package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Codec;
import dev.rocketport.messaging.DecodeFailure;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Headers;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.DeadLetter;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Typed payloads: encoded with a codec when published, decoded for a typed handler, undecodable ones rejected. */
public abstract class TypedPayloadCases extends TckCases {

  /** A payload type and its codec, as an application would write them. */
  record Order(String id, int quantity) {}

  static final Codec<Order> ORDERS = new Codec<>() {
    @Override
    public String contentType() {
      return "application/x-order";
    }

    @Override
    public byte[] encode(Order order) {
      return (order.id() + "|" + order.quantity()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Either<DecodeFailure, Order> decode(byte[] body) {
      String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 2 || !parts[1].matches("-?\\d{1,9}")) {
        return Either.left(DecodeFailure.unreadable("expected 'id|quantity'"));
      }
      return Either.right(new Order(parts[0], Integer.parseInt(parts[1])));
    }
  };

  private final List<Order> handled = new CopyOnWriteArrayList<>();

  private SubscriptionSpec subscribeTyped(Topic topic) {
    SubscriptionSpec spec = spec(topic).build();
    ctx().track(messaging().subscriber().subscribe(spec, MessageHandler.typed(ORDERS, (order, message) -> {
      handled.add(order);
      return HandlerResult.success();
    })));
    return spec;
  }

  private List<DeadLetter> deadLetters(SubscriptionSpec spec) {
    return messaging().admin().deadLetters(spec.group(), 10).get();
  }

  @Test
  @DisplayName("a payload published with a codec reaches the typed handler decoded, its content type in a header")
  void roundTrip() {
    Topic topic = ctx().topic();
    Inbox raw = inbox();
    subscribe(spec(topic), raw);
    subscribeTyped(topic);
    ctx().sent(Message.builder(topic).payload(new Order("o-1", 3), ORDERS).build());
    ctx().await("the typed delivery", () -> handled.size() == 1 && raw.size() == 1);
    assertEquals(new Order("o-1", 3), handled.get(0));
    assertEquals("application/x-order", raw.messages().get(0).header(Headers.CONTENT_TYPE).get());
    assertEquals(new Order("o-1", 3), raw.messages().get(0).payload(ORDERS).get());
  }

  @Test
  @DisplayName("an undecodable body is rejected on its first delivery, never retried, the handler not called")
  void undecodableIsRejected() {
    Topic topic = ctx().topic();
    SubscriptionSpec spec = subscribeTyped(topic);
    ctx().sent(text(topic, "not an order"));
    ctx().await("a dead letter", () -> deadLetters(spec).size() == 1);
    DeadLetter letter = deadLetters(spec).get(0);
    assertEquals(1, letter.deliveryAttempts());
    assertEquals("undecodable payload: expected 'id|quantity'", letter.rejectReason().get());
    assertTrue(handled.isEmpty());
  }

  @Test
  @DisplayName("a payload of another content type is rejected, naming both types")
  void otherContentTypeIsRejected() {
    Topic topic = ctx().topic();
    SubscriptionSpec spec = subscribeTyped(topic);
    ctx().sent(Message.builder(topic).payload("o-2|5", Codec.utf8()).build());
    ctx().await("a dead letter", () -> deadLetters(spec).size() == 1);
    assertEquals("undecodable payload: content type is 'text/plain; charset=utf-8', the codec reads "
        + "'application/x-order'", deadLetters(spec).get(0).rejectReason().get());
    assertTrue(handled.isEmpty());
  }
}
