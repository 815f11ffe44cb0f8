package dev.rocketport.inmemory.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory broker's time: a clock plus a queue of timed actions (delayed messages, retries,
 * transaction checks, orderly resumptions). On a <em>virtual</em> clock nothing happens until
 * {@link #advance} moves time forward; on the <em>wall</em> clock a daemon thread runs each action
 * when it is due. Actions run outside this scheduler's lock. Thread-safe.
 */
final class Scheduler {
  private record Timed(Instant at, long seq, Runnable action) {}

  private final boolean virtual;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<Timed> queue = new PriorityQueue<>(
      (a, b) -> a.at.equals(b.at) ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
  private Instant virtualNow;
  private long seq;
  private boolean stopped;
  private final @Nullable Thread timer;

  private Scheduler(boolean virtual, Instant start) {
    this.virtual = virtual;
    this.virtualNow = start;
    this.timer = virtual ? null : new Thread(this::runTimer, "rocketport-inmemory-timer");
    if (timer != null) {
      timer.setDaemon(true);
      timer.start();
    }
  }

  static Scheduler virtual(Instant start) {
    return new Scheduler(true, start);
  }

  static Scheduler wall() {
    return new Scheduler(false, Instant.EPOCH); // virtual time is never read on the wall clock
  }

  boolean isVirtual() {
    return virtual;
  }

  Instant now() {
    if (!virtual) {
      return Instant.now();
    }
    lock.lock();
    try {
      return virtualNow;
    } finally {
      lock.unlock();
    }
  }

  void schedule(Instant at, Runnable action) {
    lock.lock();
    try {
      if (stopped) {
        return;
      }
      queue.add(new Timed(at, seq++, action));
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Virtual clock only: runs every action due up to {@code now + duration} in time order, calling
   * {@code settle} after each so that the consequences of one action (a handler failing, a retry
   * being scheduled) are in place before time moves on. Ends with time at {@code now + duration}.
   */
  void advance(Duration duration, Runnable settle) {
    if (!virtual) {
      throw new IllegalStateException("advance() needs a virtual clock; this broker runs on the wall clock");
    }
    if (duration.isNegative()) {
      throw new dev.rocketport.messaging.InvalidArgumentException("duration", "must not be negative, was " + duration);
    }
    Instant target = now().plus(duration);
    settle.run();
    while (true) {
      Timed next;
      lock.lock();
      try {
        next = queue.peek();
        if (next == null || next.at.isAfter(target)) {
          virtualNow = target;
          break;
        }
        queue.poll();
        if (next.at.isAfter(virtualNow)) {
          virtualNow = next.at;
        }
      } finally {
        lock.unlock();
      }
      next.action.run();
      settle.run();
    }
    settle.run();
  }

  /** Virtual clock only: the time of the next pending action, if any. */
  java.util.Optional<Instant> nextDue() {
    lock.lock();
    try {
      return java.util.Optional.ofNullable(queue.peek()).map(Timed::at);
    } finally {
      lock.unlock();
    }
  }

  void stop() {
    lock.lock();
    try {
      stopped = true;
      queue.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void runTimer() {
    while (true) {
      Timed due;
      lock.lock();
      try {
        while (true) {
          if (stopped) {
            return;
          }
          Timed next = queue.peek();
          if (next == null) {
            changed.awaitUninterruptibly();
            continue;
          }
          long waitNanos = Duration.between(Instant.now(), next.at).toNanos();
          if (waitNanos <= 0) {
            due = queue.poll();
            break;
          }
          changed.await(waitNanos, TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
      try {
        due.action.run();
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(Scheduler.class).error("timed action failed", e);
      }
    }
  }
}
