package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** The in-memory adapter under the conformance suite as a seeded simulation injecting {@code plan}'s faults. */
final class SimulatedFixture implements AdapterFixture {
  private final InMemoryBroker broker;
  private final Waiting virtual;

  SimulatedFixture(long seed, FaultPlan plan) {
    this.broker = InMemoryBroker.simulated(seed, plan);
    this.virtual = Waiting.virtualClock(broker::now, broker::advanceUntil);
  }

  @Override
  public Messaging newMessaging(Interceptors interceptors) {
    return InMemoryMessaging.connect(broker, interceptors);
  }

  @Override
  public Instant now() {
    return virtual.now();
  }

  @Override
  public boolean awaitUntil(BooleanSupplier condition, Duration budget) {
    return broker.advanceUntil(condition, budget.multipliedBy(60));
  }

  @Override
  public boolean holdsFor(BooleanSupplier invariant, Duration window) {
    return virtual.holdsFor(invariant, window);
  }

  @Override
  public Duration timingTolerance() {
    return Duration.ZERO;
  }

  @Override
  public Duration quietWindow() {
    return Duration.ofMinutes(1);
  }

  @Override
  public void close() {
    broker.close();
  }
}
