package dev.rocketport.inmemory;

import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The in-memory adapter under the conformance suite: one broker on a virtual clock (by default with
 * RocketMQ's defaults; a simulated one for the suite under faults).
 */
public class InMemoryFixture implements AdapterFixture {
  private final InMemoryBroker broker;
  private final Waiting virtual;

  public InMemoryFixture() {
    this(InMemoryBroker.virtualClock());
  }

  /** The suite on {@code broker}, which must run on a virtual clock; the fixture closes it. */
  public InMemoryFixture(InMemoryBroker broker) {
    this.broker = broker;
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
