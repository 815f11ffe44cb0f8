package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.UnsupportedFeatureException;
import dev.rocketport.messaging.spi.WireRules;
import dev.rocketport.testing.Waiting;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Property-based bad input for any adapter: generated tags, keys, header names and values (control
 * characters, unpaired surrogates, past every length limit), bodies up to past 4 MiB and delays up
 * to past the maximum, alone or in batches. {@link #publish} and {@link #publishBatch} assert the
 * invariant for one input — refused with a typed error naming the field, or arrived intact — and
 * {@link #close} that nothing refused ever arrived.
 * Used by one property at a time; not thread-safe.
 */
public final class HostileInput implements AutoCloseable {

  /**
   * One generated publish: what a caller controls. {@code topicName} {@code null} means the
   * subscribed topic; any other name is hostile or names a topic that does not exist.
   */
  public record Input(String topicName, String tag, List<String> keys, Map<String, String> headers, int bodySize,
      long delayMillis) {}

  private final Messaging messaging;
  private final Waiting waiting;
  private final Topic topic;
  private final Map<String, ReceivedMessage> received = new ConcurrentHashMap<>();
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();

  /** Subscribes to a new topic of {@code messaging}; {@code waiting} is the adapter's clock. */
  public HostileInput(Messaging messaging, Waiting waiting) {
    this.messaging = messaging;
    this.waiting = waiting;
    String run = UUID.randomUUID().toString().substring(0, 8);
    this.topic = messaging.admin().createTopic(Topic.of("hostile-" + run), 2).get();
    messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("hostile-" + run)).build(),
        m -> {
          received.put(m.messageId(), m);
          return HandlerResult.success();
        });
  }

  static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
        Arbitraries.strings().all().ofMinLength(0).ofMaxLength(20),
        Arbitraries.strings().withCharRange('\u0000', '\u0020').ofMinLength(1).ofMaxLength(4),
        Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMinLength(1).ofMaxLength(3),
        Arbitraries.strings().alpha().ofLength(129),
        Arbitraries.of("*", "a|b", "KEYS", "UNIQ_KEY", "__x", "rocketport.x", "TAGS", "traceparent"));
  }

  /** Inputs; {@code maxDelay} bounds the accepted delays a run must wait out (past-the-limit ones are always tried). */
  public static Arbitrary<Input> inputs(Duration maxDelay) {
    Arbitrary<Integer> bodies = Arbitraries.frequencyOf(
        Tuple.of(90, Arbitraries.integers().between(0, 2_048)),
        Tuple.of(1, Arbitraries.integers().between(4 * 1024 * 1024 - 64, 4 * 1024 * 1024 + 64)));
    Arbitrary<Long> delays = Arbitraries.frequencyOf(
        Tuple.of(80, Arbitraries.just(0L)),
        Tuple.of(10, Arbitraries.longs().between(-1_000, maxDelay.toMillis())),
        Tuple.of(5, Arbitraries.of(Duration.ofDays(3).toMillis() + 1, Long.MAX_VALUE)));
    return Combinators.combine(text().injectNull(0.9), text().injectNull(0.3), text().list().ofMaxSize(3),
            Arbitraries.maps(text(), text()).ofMaxSize(3), bodies, delays)
        .as(Input::new);
  }

  /** Batches of generated publishes, now and then with one entry to another topic. */
  public static Arbitrary<BatchInput> batches(Duration maxDelay) {
    return Combinators.combine(inputs(maxDelay).list().ofMaxSize(6), Arbitraries.frequency(Tuple.of(4, false),
        Tuple.of(1, true))).as(BatchInput::new);
  }

  /** One generated batch: the entries the builder accepts are sent; if {@code mixTopics}, the last to another topic. */
  public record BatchInput(List<Input> entries, boolean mixTopics) {}

  private static Message message(Input input, Topic topic) {
    Topic to = input.topicName() == null ? topic : Topic.of(input.topicName());
    Message.Builder builder = Message.builder(to).body(new byte[input.bodySize()]);
    if (input.tag() != null) {
      builder.tag(input.tag());
    }
    input.keys().forEach(builder::key);
    input.headers().forEach(builder::header);
    if (input.delayMillis() != 0) {
      builder.deliverAfter(Duration.ofMillis(input.delayMillis()));
    }
    return builder.build();
  }

  private static void assertNamed(InvalidArgumentException refused) {
    assertTrue(List.of("topic", "tag", "key", "delay").contains(refused.field()) || refused.field().startsWith("header"),
        "the refusal names the field: " + refused.field());
  }

  private static void assertTypedRefusal(PublishFailure failure) {
    assertTrue(failure instanceof PublishFailure.InvalidMessage || failure instanceof PublishFailure.MessageTooLarge
        || failure instanceof PublishFailure.TopicNotFound, "a typed refusal: " + failure.description());
  }

  /** Publishes {@code input}: refused naming the field (typed), or accepted and then arrived intact. */
  public void publish(Input input) {
    Message message;
    try {
      message = message(input, topic);
    } catch (InvalidArgumentException refused) {
      assertNamed(refused);
      return;
    }
    Either<PublishFailure, SendReceipt> sent = messaging.publisher().send(message);
    if (sent.isLeft()) {
      assertTypedRefusal(sent.getLeft());
      return;
    }
    arrivesIntact(sent.get().messageId(), message, input.delayMillis());
  }

  /**
   * Sends a generated batch: an empty one is refused, one mixing topics or holding a delayed message
   * fails whole and typed, otherwise each entry is refused typed or arrives intact.
   */
  public void publishBatch(BatchInput batch) {
    List<Message> messages = new ArrayList<>();
    for (Input entry : batch.entries()) {
      try {
        messages.add(message(entry, topic));
      } catch (InvalidArgumentException refused) {
        assertNamed(refused);
      }
    }
    boolean mixed = batch.mixTopics() && messages.size() > 1;
    if (mixed) {
      int last = messages.size() - 1;
      Message m = messages.get(last);
      messages.set(last, new Message(Topic.of("hostile-elsewhere"), m.body(), m.tag(), m.keys(), m.headers(), m.delay()));
    }
    if (!messaging.capabilities().supports(Feature.BATCH_SEND)) {
      assertThrows(UnsupportedFeatureException.class, () -> messaging.publisher().sendBatch(messages));
      return;
    }
    if (messages.isEmpty()) {
      assertThrows(InvalidArgumentException.class, () -> messaging.publisher().sendBatch(messages));
      return;
    }
    List<Either<PublishFailure, SendReceipt>> results = messaging.publisher().sendBatch(messages).entries();
    assertEquals(messages.size(), results.size(), "one result per entry");
    boolean wholeRefused = messages.stream().map(Message::topic).distinct().count() > 1
        || messages.stream().anyMatch(m -> m.delay().isDefined());
    for (int i = 0; i < results.size(); i++) {
      Either<PublishFailure, SendReceipt> result = results.get(i);
      if (wholeRefused) {
        assertTrue(result.isLeft() && result.getLeft() instanceof PublishFailure.InvalidMessage,
            "a batch mixing topics or with a delay fails whole: " + result);
      } else if (result.isLeft()) {
        assertTypedRefusal(result.getLeft());
      } else {
        arrivesIntact(result.get().messageId(), messages.get(i), 0);
      }
    }
  }

  private void arrivesIntact(String id, Message message, long delayMillis) {
    accepted.add(id);
    Duration budget = Duration.ofMillis(Math.max(0, delayMillis)).plus(TckContext.BUDGET);
    assertTrue(waiting.awaitUntil(() -> received.containsKey(id), budget), "accepted but never delivered: " + message);
    Message got = java.util.Objects.requireNonNull(received.get(id)).message();
    assertEquals(WireRules.undelayed(message), got, "arrives intact");
    assertFalse(got.delay().isDefined());
  }

  /** Asserts that nothing but the accepted messages arrived during a quiet window. */
  @Override
  public void close() {
    assertTrue(waiting.holdsFor(() -> accepted.containsAll(received.keySet()), Duration.ofSeconds(2)),
        "a refused message arrived");
  }
}
