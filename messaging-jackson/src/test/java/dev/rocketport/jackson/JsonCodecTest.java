package dev.rocketport.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.inmemory.broker.InMemoryConfig;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Headers;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

class JsonCodecTest {
  record Line(String sku, int quantity) {}

  record Order(String id, List<Line> lines, Map<String, String> notes) {}

  /** A value whose property cannot be read, so Jackson cannot write it. */
  record Opaque(String secret) {
    @Override
    public String secret() {
      throw new IllegalStateException("sealed");
    }
  }

  private static final Topic TOPIC = Topic.of("orders");
  private static final Order ORDER = new Order("o-1", List.of(new Line("sku-1", 2), new Line("sku-2", 1)),
      Map.of("gift", "yes"));

  @Test
  void recordsAndGenericTypesRoundTrip() {
    JsonCodec<Order> orders = JsonCodec.of(Order.class);
    assertEquals(ORDER, orders.decode(orders.encode(ORDER)).get());
    JsonCodec<List<Line>> lines = JsonCodec.of(new TypeReference<List<Line>>() {});
    assertEquals(ORDER.lines(), lines.decode(lines.encode(ORDER.lines())).get());
    assertEquals("application/json", orders.contentType());
  }

  @Test
  void badBodiesAreDescribedNeverThrown() {
    JsonCodec<Order> orders = JsonCodec.of(Order.class);
    String malformed = orders.decode("{\"id\": ".getBytes(StandardCharsets.UTF_8)).getLeft().description();
    assertTrue(malformed.startsWith("not JSON of dev.rocketport.jackson.JsonCodecTest$Order: "), malformed);
    assertTrue(malformed.contains("line 1"), malformed);
    assertTrue(orders.decode("[1, 2]".getBytes(StandardCharsets.UTF_8)).isLeft(), "wrong shape");
    assertTrue(orders.decode("null".getBytes(StandardCharsets.UTF_8)).getLeft().description().contains("JSON null"));
    assertTrue(orders.decode(new byte[0]).getLeft().description().startsWith("body is empty"));
    assertTrue(orders.decode(new byte[] {(byte) 0xC3, 0x28}).isLeft(), "not UTF-8");
  }

  @Test
  void aValueJacksonCannotWriteIsAnInvalidPayloadAndTheBuilderStaysUnchanged() {
    Message.Builder builder = Message.builder(TOPIC).body("before");
    var refused = assertThrows(InvalidArgumentException.class,
        () -> builder.payload(new Opaque("x"), JsonCodec.of(Opaque.class)));
    assertEquals("payload", refused.field());
    assertTrue(refused.getCause() == null, "no Jackson type escapes as a cause");
    Message built = builder.build();
    assertEquals("before", built.bodyAsString());
    assertTrue(built.headers().isEmpty());
  }

  @Test
  void typedSubscriptionOnTheInMemoryAdapterRejectsMalformedJsonAtOnce() {
    JsonCodec<Order> orders = JsonCodec.of(Order.class);
    List<Order> handled = new CopyOnWriteArrayList<>();
    try (InMemoryMessaging messaging = InMemoryMessaging.virtualClock(InMemoryConfig.defaults())) {
      messaging.admin().createTopic(TOPIC, 2).get();
      SubscriptionSpec spec = SubscriptionSpec.builder(TOPIC, ConsumerGroup.of("billing")).build();
      messaging.subscriber().subscribe(spec, MessageHandler.typed(orders, (order, message) -> {
        handled.add(order);
        return HandlerResult.success();
      }));
      Message good = Message.builder(TOPIC).payload(ORDER, orders).build();
      assertEquals("application/json", good.headers().get(Headers.CONTENT_TYPE));
      messaging.publisher().send(good).get();
      messaging.publisher().send(Message.builder(TOPIC).body("{\"id\": 1,").header(Headers.CONTENT_TYPE,
          "application/json").build()).get();
      assertTrue(messaging.broker().advanceUntil(
          () -> handled.size() == 1 && messaging.admin().deadLetters(spec.group(), 10).get().size() == 1,
          Duration.ofHours(1)));
      assertEquals(List.of(ORDER), handled);
      DeadLetter letter = messaging.admin().deadLetters(spec.group(), 10).get().get(0);
      assertEquals(1, letter.deliveryAttempts());
      assertTrue(letter.rejectReason().get().startsWith("undecodable payload: not JSON of"),
          letter.rejectReason().get());
    }
  }
}
