package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.CircuitBreaker;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.health.Health;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link CircuitBreaker}: a subscription whose handler keeps failing pauses, then probes and recovers. */
public abstract class CircuitBreakerCases extends TckCases {

  private Optional<Health.Component> component(SubscriptionSpec spec) {
    String name = "subscription " + spec.group() + " on " + spec.topic();
    return messaging().healthCheck().check().components().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private boolean open(SubscriptionSpec spec) {
    return component(spec).map(c -> c.status() == Health.Status.DOWN && c.detail().contains("circuit open"))
        .orElse(false);
  }

  @Test
  @DisplayName("failures fill the window: the circuit opens and nothing is delivered; after openFor it probes, and "
      + "once the handler succeeds every message is handled")
  void opensThenProbesAndRecovers() {
    Topic topic = ctx().topic();
    AtomicBoolean down = new AtomicBoolean(true);
    Inbox inbox = inbox().answering(m -> down.get() ? HandlerResult.retry() : HandlerResult.success());
    // open longer than the quiet window checked while open, on every adapter's clock
    Duration openFor = ctx().fixture().quietWindow().multipliedBy(3);
    SubscriptionSpec spec = spec(topic).concurrency(1).circuitBreaker(new CircuitBreaker(3, 3, openFor)).build();
    subscribe(spec, inbox);
    ctx().sent(text(topic, "a"));
    ctx().sent(text(topic, "b"));
    ctx().sent(text(topic, "c"));
    ctx().await("three failed calls and an open circuit", () -> inbox.size() >= 3 && open(spec));
    int seen = inbox.size();
    ctx().holds("nothing delivered while the circuit is open", () -> inbox.size() == seen);
    down.set(false);
    ctx().await("every message handled once the circuit closed", () -> !open(spec)
        && inbox.bodies().stream().filter(b -> b.equals("a")).count() >= 2
        && inbox.bodies().stream().filter(b -> b.equals("b")).count() >= 2
        && inbox.bodies().stream().filter(b -> b.equals("c")).count() >= 2);
    assertEquals(Health.Status.UP, component(spec).orElseThrow().status());
  }

  @Test
  @DisplayName("a subscription the application paused stays paused when the circuit half-opens")
  void applicationPauseOutlastsTheCircuit() {
    Topic topic = ctx().topic();
    AtomicBoolean down = new AtomicBoolean(true);
    Inbox inbox = inbox().answering(m -> down.get() ? HandlerResult.retry() : HandlerResult.success());
    Duration openFor = ctx().fixture().quietWindow();
    SubscriptionSpec spec = spec(topic).concurrency(1).circuitBreaker(new CircuitBreaker(1, 1, openFor)).build();
    Subscription subscription = subscribe(spec, inbox);
    ctx().sent(text(topic, "x"));
    ctx().await("the circuit to open", () -> open(spec));
    subscription.pause();
    down.set(false);
    int seen = inbox.size();
    ctx().holds("paused past the circuit's half-open", () -> inbox.size() == seen);
    ctx().holds("still paused", () -> inbox.size() == seen);
    assertTrue(subscription.isPaused());
    subscription.resume();
    ctx().await("the message handled after the application resumed", () -> inbox.bodies().stream()
        .filter(b -> b.equals("x")).count() >= 2 && !open(spec));
  }
}
