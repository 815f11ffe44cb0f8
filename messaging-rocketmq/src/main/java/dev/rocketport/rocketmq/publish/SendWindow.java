package dev.rocketport.rocketmq.publish;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bound on asynchronous sends in flight, adapted to what the broker admits. It starts at
 * {@value #START} (or {@code max}, if smaller), each accepted send widens it by one up to
 * {@code max} (so it doubles every round trip while the broker keeps up), and a flow-control
 * refusal halves what is in flight (at most once per {@value #CUT_SPACING_MILLIS} ms, since one
 * overload answers many sends at once), down to {@value #MIN}. A sender waits for room, so overload
 * becomes waiting in the caller rather than refusals from the broker. Thread-safe.
 */
public final class SendWindow {
  static final int MIN = 16;
  static final int START = 64;
  private static final long CUT_SPACING_MILLIS = 100;

  private final int max;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private double limit;
  private int inFlight;
  private long lastCut;

  SendWindow(int max) {
    this.max = max;
    this.limit = Math.min(max, START);
    this.lastCut = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(CUT_SPACING_MILLIS);
  }

  /** Takes room for one send, waiting up to {@code nanos}; false if none freed in time. */
  boolean acquire(long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (inFlight >= Math.max(1, (int) limit)) {
        if (left <= 0) {
          return false;
        }
        left = changed.awaitNanos(left);
      }
      inFlight++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Frees the room of one finished send; {@code accepted} if the broker took it. */
  void release(boolean accepted) {
    lock.lock();
    try {
      inFlight--;
      if (accepted && limit < max) {
        limit = Math.min(max, limit + 1);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The broker refused a send under load: narrow the window. */
  void congested() {
    lock.lock();
    try {
      long now = System.nanoTime();
      if (now - lastCut >= TimeUnit.MILLISECONDS.toNanos(CUT_SPACING_MILLIS)) {
        lastCut = now;
        limit = Math.max(Math.min(MIN, max), Math.min(limit, inFlight) / 2);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The current bound (for logs and tests). */
  int limit() {
    lock.lock();
    try {
      return (int) limit;
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code nanos} until no send is in flight; returns whether none is. */
  boolean awaitEmpty(long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (inFlight > 0) {
        if (left <= 0) {
          return false;
        }
        left = changed.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }
}
