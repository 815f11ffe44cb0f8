package dev.rocketport.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SweepTest {

  /** Sends 20 messages (resending on failure) and counts handler calls. */
  private static int deliveriesOfTwenty(Simulation simulation, Set<String> bodies) {
    var messaging = simulation.messaging();
    Topic topic = messaging.admin().createTopic(Topic.of("orders"), 4).get();
    AtomicInteger calls = new AtomicInteger();
    messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("billing")).build(), m -> {
      calls.incrementAndGet();
      bodies.add(m.bodyAsString());
      return HandlerResult.success();
    });
    for (int i = 0; i < 20; i++) {
      while (messaging.publisher().send(Message.of(topic, "order-" + i)).isLeft()) {
        simulation.advance(java.time.Duration.ofSeconds(1));
      }
    }
    simulation.runUntilQuiet();
    return calls.get();
  }

  @Test
  void aSweepFindsTheFirstSeedWithADuplicateAndReplaysItIdentically() {
    var failure = Sweep.of(200, FaultPlan.typical()).named("SweepTest").firstFailure(simulation -> {
      Set<String> bodies = new HashSet<>();
      int calls = deliveriesOfTwenty(simulation, bodies);
      assertEquals(20, bodies.size(), "every order handled");
      assertEquals(20, calls, "each order handled once");
    });
    assertTrue(failure.isPresent(), "200 seeds of typical faults produce a duplicate");
    long seed = failure.get().seed();
    assertEquals("SweepTest -Drocketport.simulation.seed=" + seed, failure.get().replay());
    // the replay: the same seed gives the same history
    try (Simulation once = Simulation.of(seed, FaultPlan.typical());
        Simulation again = Simulation.of(seed, FaultPlan.typical())) {
      assertEquals(deliveriesOfTwenty(once, new HashSet<>()), deliveriesOfTwenty(again, new HashSet<>()));
      assertEquals(once.journal(), again.journal());
      assertEquals(once.faults(), again.faults());
    }
  }

  @Test
  void withoutFaultsEverySeedHandlesEachMessageOnce() {
    var result = Sweep.of(50, FaultPlan.none()).run(simulation -> {
      assertEquals(20, deliveriesOfTwenty(simulation, new HashSet<>()));
      assertEquals(20, simulation.deliveries().size());
    });
    assertEquals(50, result.seedsRun());
    assertEquals(0, result.faultsInjected());
  }

  @Test
  void badSweepsAreRefusedNamingTheField() {
    assertEquals("seeds", assertThrows(InvalidArgumentException.class, () -> Sweep.of(0, FaultPlan.none())).field());
    assertEquals("plan", assertThrows(InvalidArgumentException.class, () -> Sweep.of(5, null)).field());
    System.setProperty(Sweep.SEED_PROPERTY, "seven");
    try {
      assertEquals(Sweep.SEED_PROPERTY, assertThrows(InvalidArgumentException.class,
          () -> Sweep.of(5, FaultPlan.none()).run(s -> { })).field());
    } finally {
      System.clearProperty(Sweep.SEED_PROPERTY);
    }
  }
}
