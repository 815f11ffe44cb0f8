package dev.rocketport.inmemory.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * How the broker's time moves and its work settles between two events: on a virtual clock each
 * timed event runs in order and what it set off settles before the next — handler threads finish
 * (awaited), or in a simulation the ready steps run on the caller's thread. Thread-safe.
 */
final class Drive {
  private final Scheduler scheduler;
  private final Work work;
  private final @Nullable Simulator simulator;

  Drive(Scheduler scheduler, Work work, @Nullable Simulator simulator) {
    this.scheduler = scheduler;
    this.work = work;
    this.simulator = simulator;
  }

  /**
   * Waits until no handler, asynchronous send or transaction check is running; a simulation runs
   * every step that is ready instead.
   */
  void settle() {
    if (simulator != null) {
      simulator.drain();
    } else {
      work.awaitQuiescence();
    }
  }

  void advance(Duration duration) {
    scheduler.advance(duration, this::settle);
  }

  /**
   * Runs what is ready and every timed event in order until nothing is left to do (time stops at the
   * last event) or {@code limit} of virtual time has passed (time stops there); returns whether
   * nothing is left.
   */
  boolean runUntilQuiet(Duration limit) {
    Instant end = scheduler.now().plus(limit);
    settle();
    while (true) {
      var next = scheduler.nextDue();
      if (next.isEmpty()) {
        return true;
      }
      if (next.get().isAfter(end)) {
        advanceTo(end);
        return false;
      }
      advanceTo(next.get());
    }
  }

  /**
   * Runs timed events in order until {@code condition} holds or {@code limit} of virtual time has
   * passed; returns whether it holds.
   */
  boolean advanceUntil(BooleanSupplier condition, Duration limit) {
    Instant end = scheduler.now().plus(limit);
    long wallDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (simulator != null) {
        settle();
      } else if (!work.awaitQuiescence(TimeUnit.MILLISECONDS.toNanos(20))) {
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
        advanceTo(end);
        return condition.getAsBoolean();
      }
      advanceTo(next.get());
    }
    return true;
  }

  private void advanceTo(Instant at) {
    Duration step = Duration.between(scheduler.now(), at);
    advance(step.isNegative() ? Duration.ZERO : step);
  }
}
