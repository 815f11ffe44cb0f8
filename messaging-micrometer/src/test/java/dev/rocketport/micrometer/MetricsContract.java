package dev.rocketport.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.tck.AdapterFixture;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters equal the work done, on any adapter: each adapter's test supplies its conformance fixture. */
abstract class MetricsContract {
  private static final Duration BUDGET = Duration.ofSeconds(60);
  private AdapterFixture fixture;

  abstract AdapterFixture newFixture();

  @BeforeEach
  void openFixture() {
    fixture = newFixture();
  }

  @AfterEach
  void closeFixture() {
    fixture.close();
  }

  private double timerCount(SimpleMeterRegistry registry, String name, String... tags) {
    var timer = registry.find(name).tags(tags).timer();
    return timer == null ? 0 : timer.count();
  }

  private double counter(SimpleMeterRegistry registry, String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private void await(String what, java.util.function.BooleanSupplier condition) {
    assertTrue(fixture.awaitUntil(condition, BUDGET), "timed out waiting for " + what);
  }

  @Test
  void theCountsEqualTheWorkDone() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    String run = UUID.randomUUID().toString().substring(0, 6);
    try (RocketportMetrics metrics = RocketportMetrics.on(registry);
        Messaging messaging = fixture.newMessaging(metrics.interceptors())) {
      metrics.pollBacklog(messaging.admin(), Duration.ofSeconds(1));
      Topic topic = messaging.admin().createTopic(Topic.of("metered-" + run), 2).get();
      ConsumerGroup group = ConsumerGroup.of("metered-" + run);
      AtomicBoolean healed = new AtomicBoolean();
      List<ReceivedMessage> handled = new CopyOnWriteArrayList<>();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, group).maxRetries(1).build(), m -> {
        boolean fails = m.bodyAsString().equals("poison") && !healed.get()
            || m.bodyAsString().equals("flaky") && m.deliveryAttempt() == 1;
        if (m.bodyAsString().equals("refused")) {
          return HandlerResult.reject("never acceptable");
        }
        if (!fails) {
          handled.add(m);
        }
        return fails ? HandlerResult.retry() : HandlerResult.success();
      });
      for (String body : List.of("ok-1", "ok-2", "ok-3", "flaky", "poison")) {
        assertTrue(messaging.publisher().send(Message.of(topic, body)).isRight());
      }
      assertTrue(messaging.publisher().send(Message.of(Topic.of("missing-" + run), "lost")).isLeft());
      for (String body : List.of("async-1", "async-2")) {
        assertTrue(messaging.publisher().sendAsync(Message.of(topic, body)).toCompletableFuture().join().isRight());
      }
      assertTrue(messaging.publisher().sendOneway(Message.of(topic, "oneway")).isRight());
      assertTrue(messaging.publisher().sendBatch(List.of(Message.of(topic, "b-1"), Message.of(topic, "b-2"))).allSent());

      await("9 messages handled and the poison one dead-lettered",
          () -> handled.size() == 9 && counter(registry, HandleMetrics.DEAD_LETTERS) == 1);
      await("the dead letter parked", () -> messaging.admin().deadLetters(group, 10).get().size() == 1);
      healed.set(true);
      assertEquals(1, metrics.admin(messaging.admin()).redriveDeadLetters(group).get());
      await("the redriven message handled", () -> handled.size() == 10);
      assertTrue(messaging.publisher().send(Message.of(topic, "refused")).isRight());
      await("the refused message dead-lettered at once", () -> counter(registry, HandleMetrics.DEAD_LETTERS) == 2);

      assertEquals(6, timerCount(registry, PublishMetrics.PUBLISH, "mode", "sync", "outcome", "success"));
      assertEquals(1, timerCount(registry, PublishMetrics.PUBLISH, "mode", "sync", "outcome", "TopicNotFound"));
      assertEquals(2, timerCount(registry, PublishMetrics.PUBLISH, "mode", "async", "outcome", "success"));
      assertEquals(1, timerCount(registry, PublishMetrics.PUBLISH, "mode", "oneway", "outcome", "success"));
      assertEquals(2, timerCount(registry, PublishMetrics.PUBLISH, "mode", "batch", "outcome", "success"));
      assertEquals(0, registry.find(PublishMetrics.IN_FLIGHT).gauge().value());
      String[] ours = {"topic", topic.name(), "group", group.name()};
      assertEquals(10, timerCount(registry, HandleMetrics.HANDLE, tags(ours, "verdict", "success")));
      assertEquals(3, timerCount(registry, HandleMetrics.HANDLE, tags(ours, "verdict", "retry")));
      assertEquals(2, counter(registry, HandleMetrics.RETRIES, ours), "flaky's and poison's first attempts");
      assertEquals(1, timerCount(registry, HandleMetrics.HANDLE, tags(ours, "verdict", "reject")));
      assertEquals(2, counter(registry, HandleMetrics.DEAD_LETTERS, ours), "poison after its last attempt, refused at once");
      assertEquals(1, counter(registry, MeteredAdmin.REDRIVES, "group", group.name()));
      await("the backlog gauge of the group",
          () -> registry.find(BacklogGauges.BACKLOG).tags(ours).gauge() != null);
      Gauge backlog = registry.find(BacklogGauges.BACKLOG).tags(ours).gauge();
      await("a polled backlog of 0", () -> backlog.value() == messaging.admin().backlog(topic, group).get().total());
    }
  }

  private static String[] tags(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void theCircuitStateIsAGauge() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    String run = UUID.randomUUID().toString().substring(0, 6);
    try (RocketportMetrics metrics = RocketportMetrics.on(registry);
        Messaging messaging = fixture.newMessaging(metrics.interceptors())) {
      Topic topic = messaging.admin().createTopic(Topic.of("circuit-" + run), 1).get();
      ConsumerGroup group = ConsumerGroup.of("circuit-" + run);
      AtomicBoolean down = new AtomicBoolean(true);
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, group).concurrency(1)
          .circuitBreaker(new dev.rocketport.messaging.CircuitBreaker(2, 2, Duration.ofSeconds(1))).build(),
          m -> down.get() ? HandlerResult.retry() : HandlerResult.success());
      String[] tags = {"topic", topic.name(), "group", group.name()};
      assertEquals(1, state(registry, tags, "closed"), "closed from the start");
      messaging.publisher().send(Message.of(topic, "a"));
      messaging.publisher().send(Message.of(topic, "b"));
      await("the circuit open", () -> state(registry, tags, "open") == 1);
      assertEquals(0, state(registry, tags, "closed"));
      down.set(false);
      await("the circuit closed again", () -> state(registry, tags, "closed") == 1);
      assertEquals(1, counter(registry, CircuitMetrics.TRANSITIONS, "topic", topic.name(), "group", group.name(),
          "state", "half_open"));
      assertEquals(2, counter(registry, CircuitMetrics.TRANSITIONS, "topic", topic.name(), "group", group.name(),
          "state", "closed"));
    }
  }

  private double state(SimpleMeterRegistry registry, String[] tags, String state) {
    Gauge gauge = registry.find(CircuitMetrics.STATE).tags(tags).tag("state", state).gauge();
    return gauge == null ? -1 : gauge.value();
  }
}
