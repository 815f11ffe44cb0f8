package dev.rocketport.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one way the conformance suite, the examples and the tests wait for something: on an adapter's
 * clock, with a deadline, never a bare sleep. A virtual clock advances instead of waiting
 * ({@link AdapterFixture}s and the examples' in-memory runtime); {@link #wallClock()} polls.
 * Implementations are thread-safe.
 */
public interface Waiting {

  /** The clock's current time (virtual or wall). */
  Instant now();

  /** Waits (or advances virtual time) until {@code condition} holds, at most {@code budget}; returns whether it did. */
  boolean awaitUntil(BooleanSupplier condition, Duration budget);

  /**
   * Lets {@code window} of time pass while checking {@code invariant}; returns false as soon as it
   * breaks. For "never happens" assertions.
   */
  boolean holdsFor(BooleanSupplier invariant, Duration window);

  /** The wall clock, checking conditions every 20 ms. */
  static Waiting wallClock() {
    return WallClock.INSTANCE;
  }

  /**
   * A virtual clock that {@code advance} moves: it runs timed events until the condition holds or the
   * budget of virtual time is spent, and answers whether the condition holds.
   */
  static Waiting virtualClock(Supplier<Instant> clock, BiPredicate<BooleanSupplier, Duration> advance) {
    return new Waiting() {
      @Override
      public Instant now() {
        return clock.get();
      }

      @Override
      public boolean awaitUntil(BooleanSupplier condition, Duration budget) {
        return advance.test(condition, budget);
      }

      @Override
      public boolean holdsFor(BooleanSupplier invariant, Duration window) {
        return !advance.test(() -> !invariant.getAsBoolean(), window);
      }
    };
  }

  /** {@link Waiting#wallClock()}. */
  enum WallClock implements Waiting {
    INSTANCE;

    private static final long INTERVAL_NANOS = Duration.ofMillis(20).toNanos();

    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public boolean awaitUntil(BooleanSupplier condition, Duration budget) {
      long deadline = System.nanoTime() + budget.toNanos();
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() - deadline > 0) {
          return false;
        }
        LockSupport.parkNanos(INTERVAL_NANOS);
      }
      return true;
    }

    @Override
    public boolean holdsFor(BooleanSupplier invariant, Duration window) {
      return !awaitUntil(() -> !invariant.getAsBoolean(), window) && invariant.getAsBoolean();
    }
  }
}
