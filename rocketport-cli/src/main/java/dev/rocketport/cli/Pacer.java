package dev.rocketport.cli;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces actions at most {@code perSecond} apart: each starts at least 1 / rate after the one before,
 * so no two ever come closer, and a slow action delays the rest instead of earning a burst. Sleeps,
 * never spins. Not thread-safe.
 */
final class Pacer {
  private final long intervalNanos;
  private boolean started;
  private long last;

  /** @param perSecond actions per second, positive */
  Pacer(double perSecond) {
    this.intervalNanos = (long) (1e9 / perSecond);
  }

  /** Waits for the next action's turn. */
  void await() {
    if (started) {
      long due = last + intervalNanos;
      while (System.nanoTime() - due < 0) {
        LockSupport.parkNanos(due - System.nanoTime());
      }
    }
    started = true;
    last = System.nanoTime();
  }
}
