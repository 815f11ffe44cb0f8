package dev.rocketport.messaging.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The gate's rate limit on a hand-driven clock: tokens, debts and the timers it asks for. */
class PauseGateTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
  private final List<Duration> timers = new ArrayList<>();
  private final List<Runnable> due = new ArrayList<>();
  private final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());

  private PauseGate gate(double perSecond) {
    return new PauseGate(RateLimit.perSecond(perSecond), now::get, (delay, action) -> {
      timers.add(delay);
      due.add(action);
    }, () -> events.add("held"), () -> events.add("released"));
  }

  private void advance(Duration by) {
    now.set(now.get().plus(by));
    List<Runnable> fire = List.copyOf(due);
    due.clear();
    fire.forEach(Runnable::run);
  }

  @Test
  void aBurstPassesThenTheNextCallWaitsForItsToken() {
    PauseGate gate = gate(50); // burst 5, a token every 20 ms
    for (int i = 0; i < 4; i++) {
      assertTrue(gate.awaitOpen(1));
      assertTrue(timers.isEmpty(), "call " + i + " is within the burst");
    }
    assertTrue(gate.awaitOpen(1));
    assertEquals(List.of(Duration.ofMillis(20)), timers);
  }

  @Test
  void aBatchOverdrawsAndItsDebtIsWaitedOff() {
    PauseGate gate = gate(10); // burst 1, a token every 100 ms
    assertTrue(gate.awaitOpen(4));
    assertEquals(List.of(Duration.ofMillis(400)), timers, "three tokens owed and one for the next call");
  }

  @Test
  void aThrottledGateHoldsUntilTheClockRefills() throws Exception {
    PauseGate gate = gate(1);
    assertTrue(gate.awaitOpen(1));
    Thread held = new Thread(() -> events.add("open " + gate.awaitOpen(1)));
    held.start();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (held.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(List.of("held"), events, "the second call is held");
    advance(Duration.ofSeconds(1));
    held.join(5_000);
    assertFalse(held.isAlive());
    assertEquals(List.of("held", "released", "open true"), events);
  }

  @Test
  void closingReleasesAThrottledCallerWithoutHandling() throws Exception {
    PauseGate gate = gate(1);
    assertTrue(gate.awaitOpen(1));
    AtomicReference<Boolean> open = new AtomicReference<>();
    Thread held = new Thread(() -> open.set(gate.awaitOpen(1)));
    held.start();
    gate.close();
    held.join(5_000);
    assertEquals(false, open.get());
  }
}
