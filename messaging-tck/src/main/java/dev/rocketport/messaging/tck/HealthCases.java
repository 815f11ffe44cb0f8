package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.health.Health;
import dev.rocketport.messaging.interception.Interceptors;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The health check: up while open with its subscriptions listed and their last errors, down once closed. */
public abstract class HealthCases extends TckCases {

  private static Optional<Health.Component> component(Health health, String prefix) {
    return health.components().stream().filter(c -> c.name().startsWith(prefix)).findFirst();
  }

  @Test
  @DisplayName("an open runtime is up; each open subscription is listed with what it handled and its last error")
  void upWithSubscriptions() {
    Messaging runtime = ctx().track(ctx().fixture().newMessaging(Interceptors.none()));
    Health fresh = runtime.healthCheck().check();
    assertEquals(Health.Status.UP, fresh.status(), () -> "fresh runtime: " + fresh);
    assertTrue(fresh.components().size() >= 2, () -> "the runtime and its broker connection: " + fresh);
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> {
      if (m.bodyAsString().equals("bad") && m.deliveryAttempt() == 1) {
        throw new IllegalStateException("handler broke on purpose");
      }
      return dev.rocketport.messaging.HandlerResult.success();
    });
    Subscription subscription = ctx().track(runtime.subscriber().subscribe(spec(topic).build(), inbox.handler()));
    TckContext.stored(runtime.publisher().send(text(topic, "bad")));
    ctx().await("the redelivery after the handler threw", () -> inbox.size() == 2);
    String name = "subscription " + subscription.spec().group() + " on " + topic;
    ctx().await("the health check listing the subscription's two messages",
        () -> component(runtime.healthCheck().check(), name).map(c -> c.detail().startsWith("2 messages handled"))
            .orElse(false));
    Health.Component listed = component(runtime.healthCheck().check(), name).orElseThrow();
    assertEquals(Health.Status.UP, listed.status());
    assertTrue(listed.detail().contains("handler broke on purpose"), listed.detail());
    subscription.close();
    assertTrue(component(runtime.healthCheck().check(), name).isEmpty(), "a closed subscription is not listed");
  }

  @Test
  @DisplayName("a closed runtime reports itself down, without touching the broker")
  void downWhenClosed() {
    Messaging runtime = ctx().fixture().newMessaging(Interceptors.none());
    runtime.close();
    Health health = runtime.healthCheck().check();
    assertEquals(Health.Status.DOWN, health.status());
    assertEquals(List.of(Health.Status.DOWN), health.components().stream().map(Health.Component::status).toList());
    assertEquals("closed", health.components().get(0).detail());
  }
}
