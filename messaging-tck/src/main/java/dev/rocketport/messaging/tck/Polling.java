package dev.rocketport.messaging.tck;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting on the wall clock for a condition, with a deadline: never an unbounded wait. Stateless. */
public final class Polling {
  private static final long INTERVAL_NANOS = Duration.ofMillis(20).toNanos();

  private Polling() {}

  /** Polls {@code condition} every 20 ms until it holds (true) or {@code budget} has passed (false). */
  public static boolean until(BooleanSupplier condition, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(INTERVAL_NANOS);
    }
    return true;
  }
}
