package dev.rocketport.inmemory;

import java.time.Duration;
import java.time.Instant;
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

  final Scheduler scheduler;
  final Broker broker;

  private InMemoryBroker(Scheduler scheduler, InMemoryConfig config) {
    this.scheduler = scheduler;
    this.broker = new Broker(scheduler, config);
  }

  /** A broker on a virtual clock starting at {@link #VIRTUAL_EPOCH}, with RocketMQ's defaults. */
  public static InMemoryBroker virtualClock() {
    return virtualClock(InMemoryConfig.defaults());
  }

  public static InMemoryBroker virtualClock(InMemoryConfig config) {
    return new InMemoryBroker(Scheduler.virtual(VIRTUAL_EPOCH), config);
  }

  /** A broker on the system clock, with RocketMQ's defaults. */
  public static InMemoryBroker wallClock() {
    return wallClock(InMemoryConfig.defaults());
  }

  public static InMemoryBroker wallClock(InMemoryConfig config) {
    return new InMemoryBroker(Scheduler.wall(), config);
  }

  public InMemoryConfig config() {
    return broker.config;
  }

  /** The broker's current time (virtual or wall). */
  public Instant now() {
    return scheduler.now();
  }

  public boolean isVirtualClock() {
    return scheduler.isVirtual();
  }

  /** Virtual clock only: moves time forward by {@code duration}, running everything that falls due in order. */
  public void advance(Duration duration) {
    scheduler.advance(duration, broker::awaitQuiescence);
  }

  /**
   * Virtual clock only: runs timed events in order until {@code condition} holds or {@code limit} of
   * virtual time has passed; returns whether it holds.
   */
  public boolean advanceUntil(BooleanSupplier condition, Duration limit) {
    Instant end = now().plus(limit);
    long wallDeadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (!broker.awaitQuiescence(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20))) {
        if (System.nanoTime() > wallDeadline) {
          throw new IllegalStateException("handlers kept running for 5 minutes of wall time; one may be blocked");
        }
        continue;
      }
      if (condition.getAsBoolean()) {
        return true;
      }
      var next = scheduler.nextDue().filter(due -> !due.isAfter(end));
      if (next.isEmpty()) {
        advance(Duration.between(now(), end));
        return condition.getAsBoolean();
      }
      Duration step = Duration.between(now(), next.get());
      advance(step.isNegative() ? Duration.ZERO : step);
    }
  }

  /**
   * Virtual clock only: lets {@code window} of virtual time pass, in order, while {@code invariant}
   * holds; returns false as soon as it breaks.
   */
  public boolean holdsFor(BooleanSupplier invariant, Duration window) {
    awaitQuiescence();
    return !advanceUntil(() -> !invariant.getAsBoolean(), window);
  }

  /** Waits until no handler, asynchronous send or transaction check is running. */
  public void awaitQuiescence() {
    broker.awaitQuiescence();
  }

  /** The lifecycle record of messages. */
  public Journal journal() {
    return broker.journal;
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
