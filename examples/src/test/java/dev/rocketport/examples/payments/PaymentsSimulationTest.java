package dev.rocketport.examples.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.examples.payments.PaymentsCheck.Handler;
import dev.rocketport.testing.Waiting;
import dev.rocketport.testkit.Simulation;
import dev.rocketport.testkit.SimulationTest;
import dev.rocketport.testkit.Sweep;
import org.junit.jupiter.api.Test;

/**
 * The payments application under the testing kit: a naive handler that looks right on the plain
 * in-memory adapter is caught under simulation within the first seeds and replays from its seed; the
 * idempotent handler passes every seed.
 */
class PaymentsSimulationTest {

  @Test
  void theNaiveHandlerPassesOnThePlainInMemoryAdapter() {
    try (InMemoryMessaging messaging = InMemoryMessaging.virtualClock()) {
      PaymentsCheck.eachPaymentChargedOnce(messaging,
          Waiting.virtualClock(messaging.broker()::now, messaging.broker()::advanceUntil), Handler.NAIVE);
    }
  }

  @Test
  void theNaiveHandlerIsCaughtAndReplayed() {
    var caught = Sweep.of(100).named("-Dtest=PaymentsSimulationTest#theNaiveHandlerIsCaughtAndReplayed")
        .firstFailure(s -> PaymentsCheck.eachPaymentChargedOnce(s.messaging(), s.waiting(), Handler.NAIVE));
    assertTrue(caught.isPresent(), "100 seeds of typical faults catch a payment charged twice");
    long seed = caught.get().seed();
    assertTrue(seed <= 10, "caught within the first seeds, was seed " + seed);
    assertTrue(caught.get().getMessage().contains("-Drocketport.simulation.seed=" + seed), caught.get().getMessage());
    System.out.println(caught.get().getMessage());
    try (Simulation once = Simulation.of(seed); Simulation again = Simulation.of(seed)) {
      var first = assertThrows(IllegalStateException.class,
          () -> PaymentsCheck.eachPaymentChargedOnce(once.messaging(), once.waiting(), Handler.NAIVE));
      var second = assertThrows(IllegalStateException.class,
          () -> PaymentsCheck.eachPaymentChargedOnce(again.messaging(), again.waiting(), Handler.NAIVE));
      assertEquals(first.getMessage(), second.getMessage());
      assertEquals(once.journal(), again.journal(), "one seed, one history");
    }
  }

  @SimulationTest(seeds = 500)
  void theIdempotentHandlerChargesEachPaymentOnceUnderEverySeed(Simulation simulation) {
    PaymentsCheck.eachPaymentChargedOnce(simulation.messaging(), simulation.waiting(), Handler.IDEMPOTENT);
  }
}
