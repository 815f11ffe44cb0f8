package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The gate a subscription's handler threads pass before each handler call. It holds them while the
 * subscription is paused ({@code Subscription.pause()}) until {@link #resume()} or {@link #close()},
 * and, for a subscription with a {@link RateLimit}, while the limit's tokens are spent — until the
 * adapter's clock has refilled one. An adapter also stops fetching while paused; the gate holds what
 * was fetched already (a long poll answered after the pause, say). Made by
 * {@link AbstractSubscriber#gateFor}. Thread-safe; waiting threads block, they never spin; for
 * adapter authors.
 *
 * <p>An adapter whose clock is virtual counts running handlers to know when time may move on; the
 * gate's hooks tell it that a thread stopped counting ({@code onHold}, before it waits) and counts
 * again ({@code onRelease}). {@code onRelease} runs on the thread that opens the gate, under the
 * gate's lock and before the held thread wakes, so time cannot move on in between; it must not block.
 */
public final class PauseGate {
  private final @Nullable Throttle throttle;
  private final BiConsumer<Duration, Runnable> after;
  private final Runnable onHold;
  private final Runnable onRelease;
  private boolean paused;
  private boolean throttled;
  private boolean closed;
  /** Threads waiting; each opening releases them all and starts a new generation. */
  private int held;
  private long generation;

  /**
   * @param after runs an action once a delay has passed on the adapter's clock (the end of a throttled spell)
   */
  PauseGate(@Nullable RateLimit limit, Supplier<Instant> clock, BiConsumer<Duration, Runnable> after,
      Runnable onHold, Runnable onRelease) {
    this.throttle = limit == null ? null : new Throttle(limit, clock);
    this.after = after;
    this.onHold = onHold;
    this.onRelease = onRelease;
  }

  /** Holds handler threads from now on; no effect once closed. */
  public synchronized void pause() {
    if (!closed) {
      paused = true;
    }
  }

  public synchronized void resume() {
    paused = false;
    release();
  }

  public synchronized boolean isPaused() {
    return paused;
  }

  /** Whether a thread arriving now would be held: paused or throttled, and not closed. */
  public synchronized boolean isHolding() {
    return shut();
  }

  /** Releases every waiting thread for good; they must not call the handler. */
  public synchronized void close() {
    closed = true;
    paused = false;
    release();
  }

  /**
   * Returns at once while neither paused nor throttled, counting {@code messages} against the rate
   * limit. Otherwise waits (between the hooks) until the gate opens or closes; returns false if it
   * was closed (or the thread interrupted) meanwhile: then the held messages must be given back, not
   * handled.
   *
   * @param messages how many messages the coming handler call takes
   */
  public boolean awaitOpen(int messages) {
    while (true) {
      long mine;
      synchronized (this) {
        if (!shut()) {
          return admitted(take(messages));
        }
        // counted as held before onHold: an opening in between counts this thread again first, so the
        // adapter never sees it as neither running nor held
        held++;
        mine = generation;
      }
      onHold.run();
      if (!awaitRelease(mine)) {
        return false;
      }
    }
  }

  /** Waits until the opening after {@code mine}, which counted this thread again; false if interrupted. */
  private synchronized boolean awaitRelease(long mine) {
    try {
      while (generation == mine) {
        wait();
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (generation == mine) {
        held--;
        onRelease.run();
      }
      return false;
    }
  }

  private boolean shut() {
    return (paused || throttled) && !closed;
  }

  /** Counts {@code messages} against the rate limit; answers how long the next caller must wait. */
  private Duration take(int messages) {
    if (closed || throttle == null) {
      return Duration.ZERO;
    }
    Duration wait = throttle.take(messages);
    throttled = !wait.isZero();
    return wait;
  }

  /** Whether the caller may handle its messages; schedules the end of a throttled spell. Under the lock. */
  private boolean admitted(Duration wait) {
    if (!wait.isZero()) {
      after.accept(wait, this::unthrottle);
    }
    return !closed;
  }

  private synchronized void unthrottle() {
    throttled = false;
    release();
  }

  /** Wakes every held thread, counting each again first. Under the lock. */
  private void release() {
    for (; held > 0; held--) {
      onRelease.run();
    }
    generation++;
    notifyAll();
  }
}
