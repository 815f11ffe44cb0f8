package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.CircuitBreaker;
import dev.rocketport.messaging.CircuitBreaker.State;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.interception.CircuitListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription's {@link CircuitBreaker}: counts its calls' outcomes over the window, pauses the
 * subscription when the circuit opens, half-opens it after {@code openFor} on the adapter's clock,
 * and closes or re-opens it on the next outcome. The application sees the subscription through
 * {@link #attach}, so that its own pause outlasts the circuit's. Tells the runtime's
 * {@link CircuitListener}s each state. Thread-safe; pausing, resuming and telling happen outside its lock.
 */
final class CircuitState {
  private static final Logger LOG = LoggerFactory.getLogger(CircuitState.class);

  private final CircuitBreaker breaker;
  private final SubscriptionSpec spec;
  private final List<CircuitListener> listeners;
  private final BiConsumer<Duration, Runnable> after;
  private final ArrayDeque<Boolean> window = new ArrayDeque<>();
  private int failures;
  private State state = State.CLOSED;
  private boolean pausedByApplication;
  private @Nullable Subscription subscription;

  /**
   * @param listeners told of each state, from the attached subscription's CLOSED on
   * @param after runs an action once a delay has passed on the adapter's clock
   */
  CircuitState(CircuitBreaker breaker, SubscriptionSpec spec, List<CircuitListener> listeners,
      BiConsumer<Duration, Runnable> after) {
    this.breaker = breaker;
    this.spec = spec;
    this.listeners = listeners;
    this.after = after;
  }

  /** The subscription the application gets: {@code member}, whose pause and resume respect the circuit. */
  Subscription attach(Subscription member) {
    synchronized (this) {
      subscription = member;
    }
    tell(State.CLOSED);
    return new Guarded(member);
  }

  /** Tells the listeners; outside the lock. */
  private void tell(State state) {
    for (CircuitListener listener : listeners) {
      try {
        listener.onState(spec, state);
      } catch (RuntimeException e) {
        LOG.warn("circuit listener {} failed on {} of group {}", listener, state, spec.group(), e);
      }
    }
  }

  synchronized boolean isOpen() {
    return state == State.OPEN;
  }

  /** Records one call's outcome; {@code failed} when it asked for redelivery. */
  void record(boolean failed) {
    Subscription toPause = null;
    State reached;
    synchronized (this) {
      if (state == State.OPEN) {
        return; // calls that were running when it opened
      }
      if (state == State.HALF_OPEN && !failed) {
        state = State.CLOSED;
        window.clear();
        failures = 0;
      } else {
        if (state == State.CLOSED) {
          window.addLast(failed);
          failures += failed ? 1 : 0;
          if (window.size() > breaker.window() && window.removeFirst()) {
            failures--;
          }
          if (failures < breaker.failures()) {
            return;
          }
        }
        state = State.OPEN;
        toPause = subscription;
      }
      reached = state;
    }
    if (reached == State.CLOSED) {
      tell(State.CLOSED);
      return;
    }
    if (toPause != null) {
      toPause.pause();
    }
    tell(State.OPEN);
    after.accept(breaker.openFor(), this::halfOpen);
  }

  private void halfOpen() {
    Subscription toResume;
    synchronized (this) {
      if (state != State.OPEN) {
        return;
      }
      state = State.HALF_OPEN;
      window.clear();
      failures = 0;
      toResume = pausedByApplication ? null : subscription;
    }
    if (toResume != null && toResume.isActive()) {
      toResume.resume();
    }
    tell(State.HALF_OPEN);
  }

  private synchronized boolean pausedByApplication(boolean paused) {
    pausedByApplication = paused;
    return state != State.OPEN;
  }

  /** The member as the application sees it: its pause holds until it resumes, whatever the circuit does. */
  private final class Guarded implements Subscription {
    private final Subscription member;

    Guarded(Subscription member) {
      this.member = member;
    }

    @Override
    public SubscriptionSpec spec() {
      return member.spec();
    }

    @Override
    public boolean isActive() {
      return member.isActive();
    }

    @Override
    public void pause() {
      pausedByApplication(true);
      member.pause();
    }

    @Override
    public void resume() {
      if (pausedByApplication(false)) {
        member.resume();
      }
    }

    @Override
    public boolean isPaused() {
      return member.isPaused();
    }

    @Override
    public void close() {
      member.close();
    }
  }
}
