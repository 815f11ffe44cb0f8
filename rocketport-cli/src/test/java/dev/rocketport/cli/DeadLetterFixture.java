package dev.rocketport.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A topic and a consumer group whose handler fails every message (so each becomes a dead letter
 * after one delivery) until {@link #heal()}; counts deliveries per body, so tests can tell redriven
 * copies from the originals.
 */
final class DeadLetterFixture {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final Duration BUDGET = Duration.ofSeconds(60);

  final Topic topic;
  final ConsumerGroup group;
  private final RocketMqMessaging messaging;
  private final AtomicBoolean healthy = new AtomicBoolean();
  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

  DeadLetterFixture(RocketMqMessaging messaging, String name, Function<ReceivedMessage, HandlerResult> failure) {
    this.messaging = messaging;
    int id = IDS.incrementAndGet();
    this.topic = Topic.of("cli-" + name + "-" + id);
    this.group = ConsumerGroup.of("cli-" + name + "-group-" + id);
    messaging.admin().createTopic(topic, 2).get();
    messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, group).maxRetries(0).build(), message -> {
      deliveries.computeIfAbsent(message.message().bodyAsString(), b -> new AtomicInteger()).incrementAndGet();
      return healthy.get() ? HandlerResult.success() : failure.apply(message);
    });
  }

  DeadLetterFixture(RocketMqMessaging messaging, String name) {
    this(messaging, name, m -> HandlerResult.retry());
  }

  /** Publishes {@code messages} and waits until each is a pending dead letter. */
  DeadLetterFixture parked(Message... messages) {
    for (Message message : messages) {
      messaging.publisher().send(message).get();
    }
    await("dead letters", () -> pending().size() >= messages.length);
    return this;
  }

  DeadLetterFixture parked(int count, String prefix) {
    for (int i = 0; i < count; i++) {
      parked(Message.builder(topic).body(prefix + i).build());
    }
    return this;
  }

  Message.Builder message(String body) {
    return Message.builder(topic).body(body);
  }

  List<DeadLetter> pending() {
    return messaging.admin().deadLetters(group, 1000).get();
  }

  void heal() {
    healthy.set(true);
  }

  int deliveriesOf(String body) {
    AtomicInteger count = deliveries.get(body);
    return count == null ? 0 : count.get();
  }

  static void await(String what, java.util.function.BooleanSupplier condition) {
    assertTrue(Waiting.wallClock().awaitUntil(condition, BUDGET), "timed out waiting for " + what);
  }
}
