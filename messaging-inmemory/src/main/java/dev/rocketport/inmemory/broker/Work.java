package dev.rocketport.inmemory.broker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The broker lock, and the accounting of work in flight (handler runs, asynchronous sends,
 * transaction checks) that quiescence waits on. Thread-safe.
 */
final class Work {
  final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final AtomicInteger inFlight = new AtomicInteger();

  /** Counts one more task in flight. Lock-free. */
  void begin() {
    inFlight.incrementAndGet();
  }

  /** Ends a task; the last one wakes waiters (who test their condition under the lock). */
  void end() {
    if (inFlight.decrementAndGet() == 0) {
      lock.lock();
      try {
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Wakes waiters: something changed (a member went idle, say). Under the lock. */
  void signalChange() {
    changed.signalAll();
  }

  /** Waits, at most {@code timeoutNanos}, for {@code done} (evaluated under the lock). */
  boolean awaitUnderLock(BooleanSupplier done, long timeoutNanos) {
    lock.lock();
    try {
      long left = timeoutNanos;
      while (!done.getAsBoolean()) {
        if (left <= 0) {
          return false;
        }
        left = changed.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Waits at most {@code timeoutNanos} until no task is in flight; returns whether none is. */
  boolean awaitQuiescence(long timeoutNanos) {
    return awaitUnderLock(() -> inFlight.get() == 0, timeoutNanos);
  }

  /** Waits until no task is in flight; throws if that takes five minutes (a handler is blocked). */
  void awaitQuiescence() {
    if (!awaitQuiescence(TimeUnit.MINUTES.toNanos(5))) {
      throw new IllegalStateException("in-memory broker still busy after 5 minutes (" + inFlight
          + " tasks): a handler may be blocked");
    }
  }
}
