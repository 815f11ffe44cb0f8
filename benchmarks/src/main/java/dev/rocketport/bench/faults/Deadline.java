package dev.rocketport.bench.faults;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for conditions, checking every 20 ms, up to a deadline. Stateless; thread-safe. */
final class Deadline {
  private Deadline() {}

  /** True once {@code condition} holds, false if {@code budget} passed first. */
  static boolean await(BooleanSupplier condition, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    return true;
  }

  /** As {@link #await}, throwing {@link IllegalStateException} naming {@code what} if the budget passes. */
  static void require(String what, BooleanSupplier condition, Duration budget) {
    if (!await(condition, budget)) {
      throw new IllegalStateException("no " + what + " within " + budget.toSeconds() + " s");
    }
  }
}
