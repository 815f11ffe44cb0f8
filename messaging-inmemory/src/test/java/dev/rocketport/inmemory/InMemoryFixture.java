package dev.rocketport.inmemory;

import dev.rocketport.messaging.Interceptors;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.tck.AdapterFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** The in-memory adapter under the conformance suite: one broker on a virtual clock, RocketMQ's defaults. */
class InMemoryFixture implements AdapterFixture {
  private final InMemoryBroker broker = InMemoryBroker.virtualClock();

  @Override
  public Messaging newMessaging(Interceptors interceptors) {
    return InMemoryMessaging.connect(broker, interceptors);
  }

  @Override
  public Instant now() {
    return broker.now();
  }

  @Override
  public boolean awaitUntil(BooleanSupplier condition, Duration budget) {
    return broker.advanceUntil(condition, budget.multipliedBy(60));
  }

  @Override
  public boolean holdsFor(BooleanSupplier invariant, Duration window) {
    return broker.holdsFor(invariant, window);
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
