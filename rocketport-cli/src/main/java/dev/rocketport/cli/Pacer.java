package dev.rocketport.cli;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces actions at a fixed rate: the n-th starts n / rate seconds after the first (a slow action
 * does not earn a burst: the schedule restarts from it). Sleeps, never spins. Not thread-safe.
 */
final class Pacer {
  private final long intervalNanos;
  private long next = Long.MIN_VALUE;

  /** @param perSecond actions per second, positive; {@code Double.POSITIVE_INFINITY} for no pacing */
  Pacer(double perSecond) {
    this.intervalNanos = Double.isInfinite(perSecond) ? 0 : (long) (1e9 / perSecond);
  }

  /** Waits for the next action's turn. */
  void await() {
    long now = System.nanoTime();
    if (next == Long.MIN_VALUE || now - next > intervalNanos) {
      next = now;
    }
    while (System.nanoTime() - next < 0) {
      LockSupport.parkNanos(next - System.nanoTime());
    }
    next += intervalNanos;
  }
}
