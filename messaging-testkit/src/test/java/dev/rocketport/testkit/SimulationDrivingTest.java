package dev.rocketport.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.DeliveryDelay;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Reply;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What drives a simulation: nothing runs until the test does, and the kit's ways of driving it. */
class SimulationDrivingTest {

  @Test
  void nothingIsHandledUntilTheTestDrivesTheSimulation() {
    try (Simulation simulation = Simulation.of(3, FaultPlan.none())) {
      Topic topic = simulation.messaging().admin().createTopic(Topic.of("orders"), 2).get();
      AtomicInteger handled = new AtomicInteger();
      simulation.messaging().subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("g")).build(),
          m -> {
            handled.incrementAndGet();
            return HandlerResult.success();
          });
      assertTrue(simulation.messaging().publisher().send(Message.of(topic, "one")).isRight());
      assertEquals(0, handled.get(), "stored, not yet handled");
      simulation.runUntilQuiet();
      assertEquals(1, handled.get());
      assertEquals(1, simulation.deliveries().size());
    }
  }

  @Test
  void awaitDrivesTheSimulationUntilAReplyArrives() {
    try (Simulation simulation = Simulation.of(5)) {
      Topic topic = simulation.messaging().admin().createTopic(Topic.of("quotes"), 2).get();
      simulation.messaging().subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("pricing"))
          .build(), m -> HandlerResult.reply(Reply.of("price of " + m.bodyAsString())));
      var reply = simulation.await(simulation.messaging().requester().request(Message.of(topic, "tea"),
          Duration.ofSeconds(30)));
      // a simulated fault may lose the request; what arrives is the handler's answer
      reply.forEach(r -> assertEquals("price of tea", r.bodyAsString()));
      assertTrue(reply.isRight() || !simulation.faults().isEmpty(), "only a fault keeps the reply away: " + reply);
    }
  }

  @Test
  void workThatNeverEndsIsReportedNotWaitedForForever() {
    try (Simulation simulation = Simulation.of(9, FaultPlan.none())) {
      Topic topic = simulation.messaging().admin().createTopic(Topic.of("ticks"), 1).get();
      simulation.messaging().subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("clock")).build(),
          m -> {
            // every tick schedules the next one an hour later: the simulation never goes quiet
            simulation.messaging().publisher().send(Message.builder(topic).body("tick")
                .delay(new DeliveryDelay.After(Duration.ofHours(1))).build());
            return HandlerResult.success();
          });
      simulation.messaging().publisher().send(Message.of(topic, "tick"));
      var busy = assertThrows(IllegalStateException.class, simulation::runUntilQuiet);
      assertTrue(busy.getMessage().contains("seed 9: still busy after PT24H"), busy.getMessage());
      assertFalse(simulation.deliveries().isEmpty());
    }
  }
}
