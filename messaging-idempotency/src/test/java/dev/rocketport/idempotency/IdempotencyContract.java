package dev.rocketport.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.tck.AdapterFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idempotent consumer's contract, on any adapter and any store: each adapter-and-store test
 * supplies its conformance fixture and a fresh store.
 */
public abstract class IdempotencyContract {
  private static final Duration BUDGET = Duration.ofSeconds(60);
  private AdapterFixture fixture;
  private Messaging messaging;
  private IdempotencyStore store;
  private final String run = UUID.randomUUID().toString().substring(0, 6);

  protected abstract AdapterFixture newFixture();

  protected abstract IdempotencyStore newStore();

  @BeforeEach
  void open() {
    fixture = newFixture();
    messaging = fixture.newMessaging();
    store = newStore();
  }

  @AfterEach
  void close() {
    messaging.close();
    fixture.close();
  }

  private void await(String what, BooleanSupplier condition) {
    assertTrue(fixture.awaitUntil(condition, BUDGET), "timed out waiting for " + what);
  }

  private Topic topic(String name) {
    return messaging.admin().createTopic(Topic.of(name + "-" + run), 2).get();
  }

  private static Message order(Topic topic, String orderId) {
    return Message.builder(topic).body("charge " + orderId).header("orderId", orderId).build();
  }

  @Test
  void aResentMessageHasItsEffectOnce() {
    Topic topic = topic("payments");
    IdempotentHandling once = IdempotentHandling.byKey(store, m -> m.header("orderId").getOrNull());
    Map<String, AtomicInteger> charged = new ConcurrentHashMap<>();
    AtomicInteger calls = new AtomicInteger();
    messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("billing-" + run))
        .middleware(once).build(), m -> {
          calls.incrementAndGet();
          charged.computeIfAbsent(m.header("orderId").get(), k -> new AtomicInteger()).incrementAndGet();
          return HandlerResult.success();
        });
    for (String id : List.of("o-1", "o-2", "o-1", "o-3", "o-1")) {
      assertTrue(messaging.publisher().send(order(topic, id)).isRight());
    }
    await("5 deliveries, 2 of them duplicates", () -> calls.get() + once.duplicatesSkipped() == 5);
    assertEquals(Map.of("o-1", 1, "o-2", 1, "o-3", 1), Map.copyOf(charged).entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
    assertEquals(2, once.duplicatesSkipped());
  }

  @Test
  void aFailedAttemptIsNotRecordedSoItsRedeliveryRuns() {
    Topic topic = topic("flaky");
    IdempotentHandling once = IdempotentHandling.byMessageId(store);
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    AtomicInteger effects = new AtomicInteger();
    messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("flaky-" + run))
        .middleware(once).build(), m -> {
          attempts.add(m.deliveryAttempt());
          if (m.deliveryAttempt() == 1) {
            throw new IllegalStateException("the database blinked");
          }
          effects.incrementAndGet();
          return HandlerResult.success();
        });
    assertTrue(messaging.publisher().send(order(topic, "o-9")).isRight());
    await("the redelivery handled", () -> effects.get() == 1);
    assertEquals(List.of(1, 2), attempts);
    assertEquals(0, once.duplicatesSkipped());
  }

  @Test
  void twoConcurrentDeliveriesOfOneKeyRunTheEffectOnce() {
    Topic topic = topic("concurrent");
    IdempotentHandling once = IdempotentHandling.byKey(store, m -> m.header("orderId").getOrNull());
    AtomicInteger effects = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("concurrent-" + run))
        .concurrency(4).middleware(once).build(), m -> {
          calls.incrementAndGet();
          // hold the key until the duplicate, on the other queue, has met it held (bounded in wall time)
          long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
          while (once.concurrentDuplicatesPostponed() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
          }
          effects.incrementAndGet();
          return HandlerResult.success();
        });
    // round-robin sends: the two copies land on the topic's two queues, handled by two threads at once
    assertTrue(messaging.publisher().send(order(topic, "o-7")).isRight());
    assertTrue(messaging.publisher().send(order(topic, "o-7")).isRight());
    await("the duplicate postponed, redelivered and skipped", () -> once.duplicatesSkipped() == 1);
    assertEquals(1, effects.get());
    assertEquals(1, calls.get(), "the handler ran once");
    assertEquals(1, once.concurrentDuplicatesPostponed());
  }

  @Test
  void eachGroupHasItsOwnEffect() {
    Topic topic = topic("fanout");
    IdempotentHandling once = IdempotentHandling.byMessageId(store);
    AtomicInteger effects = new AtomicInteger();
    for (String group : List.of("a-" + run, "b-" + run)) {
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of(group)).middleware(once)
          .build(), m -> {
            effects.incrementAndGet();
            return HandlerResult.success();
          });
    }
    assertTrue(messaging.publisher().send(order(topic, "o-5")).isRight());
    await("one effect per group", () -> effects.get() == 2);
  }
}
