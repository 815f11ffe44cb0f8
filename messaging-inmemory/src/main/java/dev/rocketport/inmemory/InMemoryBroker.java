package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.Broker;
import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.inmemory.broker.InMemoryConfig;
import dev.rocketport.inmemory.broker.InjectedFault;
import dev.rocketport.inmemory.broker.Journal;
import dev.rocketport.messaging.InvalidArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * An in-memory RocketMQ broker that several client runtimes can connect to
 * ({@code InMemoryMessaging.connect(broker)}), as several clients connect to one real broker:
 * topics, offsets and dead letters outlive any one runtime.
 *
 * <p>On a {@linkplain #virtualClock() virtual clock} time stands still until {@link #advance}
 * moves it, so a two-hour retry ladder runs in milliseconds; {@link #awaitQuiescence()} returns when
 * no handler, asynchronous send or transaction check is running. On the {@linkplain #wallClock()
 * wall clock} timed events happen in real time. Thread-safe. {@link #close()} stops the clock;
 * close the runtimes first.
 */
public final class InMemoryBroker implements AutoCloseable {
  /** Where every virtual clock starts. */
  public static final Instant VIRTUAL_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  final Broker broker;

  private InMemoryBroker(Broker broker) {
    this.broker = broker;
  }

  /** A broker on a virtual clock starting at {@link #VIRTUAL_EPOCH}, with RocketMQ's defaults. */
  public static InMemoryBroker virtualClock() {
    return virtualClock(InMemoryConfig.defaults());
  }

  public static InMemoryBroker virtualClock(InMemoryConfig config) {
    return new InMemoryBroker(Broker.virtualClock(InvalidArgumentException.requireNonNull(config, "config"),
        VIRTUAL_EPOCH));
  }

  /** A broker on the system clock, with RocketMQ's defaults. */
  public static InMemoryBroker wallClock() {
    return wallClock(InMemoryConfig.defaults());
  }

  public static InMemoryBroker wallClock(InMemoryConfig config) {
    return new InMemoryBroker(Broker.wallClock(InvalidArgumentException.requireNonNull(config, "config")));
  }

  /**
   * A simulated broker with RocketMQ's defaults: a virtual clock starting at {@link #VIRTUAL_EPOCH};
   * handler calls and callbacks run only when the simulation is driven ({@link #runUntilQuiet},
   * {@link #advance}, {@link #advanceUntil}), one at a time on the driving thread; {@code plan}'s
   * faults are injected. The order of calls, the faults and the message ids are all decided by
   * {@code seed}: one seed and one test give one {@link #journal()}.
   */
  public static InMemoryBroker simulated(long seed, FaultPlan plan) {
    return simulated(seed, plan, InMemoryConfig.defaults());
  }

  public static InMemoryBroker simulated(long seed, FaultPlan plan, InMemoryConfig config) {
    return new InMemoryBroker(Broker.simulated(InvalidArgumentException.requireNonNull(config, "config"),
        VIRTUAL_EPOCH, seed, InvalidArgumentException.requireNonNull(plan, "plan")));
  }

  /** Whether this broker is a seeded simulation. */
  public boolean isSimulated() {
    return broker.simulator() != null;
  }

  /** The faults injected so far, oldest first (none unless simulated). */
  public List<InjectedFault> injectedFaults() {
    broker.lock().lock();
    try {
      return broker.injectedFaults();
    } finally {
      broker.lock().unlock();
    }
  }

  /**
   * Virtual clock only: runs everything ready and every timed event in order until nothing is left to
   * do or {@code limit} of virtual time has passed; returns whether nothing is left. A paused
   * subscription's messages wait, and do not keep it from returning.
   */
  public boolean runUntilQuiet(Duration limit) {
    return broker.runUntilQuiet(InvalidArgumentException.requireNonNull(limit, "limit"));
  }

  public InMemoryConfig config() {
    return broker.config();
  }

  /** The broker's current time (virtual or wall). */
  public Instant now() {
    return broker.now();
  }

  public boolean isVirtualClock() {
    return broker.isVirtualClock();
  }

  /** Virtual clock only: moves time forward by {@code duration}, running everything that falls due in order. */
  public void advance(Duration duration) {
    broker.advance(InvalidArgumentException.requireNonNull(duration, "duration"));
  }

  /**
   * Virtual clock only: runs timed events in order until {@code condition} holds or {@code limit} of
   * virtual time has passed; returns whether it holds.
   */
  public boolean advanceUntil(BooleanSupplier condition, Duration limit) {
    return broker.advanceUntil(condition, limit);
  }

  /** Waits until no handler, asynchronous send or transaction check is running. */
  public void awaitQuiescence() {
    broker.awaitQuiescence();
  }

  /** The lifecycle record of messages. */
  public Journal journal() {
    return broker.journal();
  }

  @Override
  public void close() {
    broker.stop();
  }
}
