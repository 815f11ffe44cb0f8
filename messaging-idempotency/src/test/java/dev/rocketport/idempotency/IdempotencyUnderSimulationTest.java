package dev.rocketport.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.testkit.Simulation;
import dev.rocketport.testkit.SimulationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The idempotent consumer's contract under simulation: producer resends (some after an answer was
 * lost although the message was stored), redeliveries after crashes and rebalances, late retries,
 * any order of calls. Each key takes effect once per group; a failed attempt is not recorded, so its
 * redelivery takes effect.
 */
class IdempotencyUnderSimulationTest {
  private static final List<String> ORDERS = IntStream.range(0, 10).mapToObj(i -> "o-" + i).toList();

  private static void send(Simulation simulation, Topic topic, String orderId) {
    Message order = Message.builder(topic).body("charge " + orderId).header("orderId", orderId).build();
    while (simulation.messaging().publisher().send(order).isLeft()) {
      simulation.advance(Duration.ofSeconds(1)); // outcome unknown or broker away: resend, as a producer must
    }
  }

  private static IdempotentHandling byOrderId() {
    return IdempotentHandling.byKey(InMemoryIdempotencyStore.of(1_000, Duration.ofDays(1)),
        m -> m.header("orderId").getOrNull());
  }

  private static Map<String, Integer> once(List<String> keys) {
    return keys.stream().collect(Collectors.toMap(k -> k, k -> 1));
  }

  @SimulationTest(seeds = 200)
  void eachKeyTakesEffectOnceInEachGroup(Simulation simulation) {
    Messaging messaging = simulation.messaging();
    Topic topic = messaging.admin().createTopic(Topic.of("payments"), 4).get();
    IdempotentHandling byKey = byOrderId();
    Map<String, Map<String, Integer>> effects = new HashMap<>();
    for (String group : List.of("billing", "loyalty")) {
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of(group)).concurrency(4)
          .middleware(byKey).build(), m -> {
            effects.computeIfAbsent(group, g -> new HashMap<>()).merge(m.header("orderId").get(), 1, Integer::sum);
            return HandlerResult.success();
          });
    }
    for (String order : ORDERS) {
      send(simulation, topic, order);
      if (order.hashCode() % 3 == 0) {
        send(simulation, topic, order); // the application's own resend
      }
    }
    simulation.runUntilQuiet();
    assertEquals(Map.of("billing", once(ORDERS), "loyalty", once(ORDERS)), effects);
  }

  @SimulationTest(seeds = 200)
  void aFailedAttemptIsNotRecordedSoItsRedeliveryTakesEffect(Simulation simulation) {
    Messaging messaging = simulation.messaging();
    Topic topic = messaging.admin().createTopic(Topic.of("flaky"), 2).get();
    IdempotentHandling byKey = byOrderId();
    Map<String, Integer> effects = new HashMap<>();
    Map<String, Integer> failures = new HashMap<>();
    messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("flaky")).middleware(byKey)
        .build(), m -> {
          String order = m.header("orderId").get();
          if (failures.merge(order, 1, Integer::sum) == 1) {
            throw new IllegalStateException("the database blinked on " + order);
          }
          effects.merge(order, 1, Integer::sum);
          return HandlerResult.success();
        });
    ORDERS.forEach(order -> send(simulation, topic, order));
    simulation.runUntilQuiet();
    assertEquals(once(ORDERS), effects);
    assertTrue(failures.values().stream().allMatch(f -> f >= 1));
  }
}
