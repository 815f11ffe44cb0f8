package dev.rocketport.messaging;

import java.time.Duration;

/**
 * Stops a subscription from hammering a dependency that is down: when {@code failures} of the last
 * {@code window} handler calls asked for redelivery (by throwing, or answering retry), the circuit
 * opens and the subscription pauses — it keeps its queues, so the group does not rebalance, and its
 * messages wait. After {@code openFor} (on the adapter's clock) it half-opens: the subscription
 * resumes, and the next call decides — success closes the circuit (its window starts afresh), a
 * failure opens it again. A subscription the application paused stays paused. The state shows in the
 * health check (the subscription's component is DOWN while open) and to
 * {@link dev.rocketport.messaging.interception.CircuitListener}s (the metrics module's gauge). Immutable.
 */
public record CircuitBreaker(int window, int failures, Duration openFor) {
  /** Where a circuit is: closed (calls flow), open (the subscription paused), half-open (the next call decides). */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  /** The longest window, in calls. */
  public static final int MAX_WINDOW = 1000;
  /** The shortest and longest time a circuit stays open. */
  public static final Duration MIN_OPEN_FOR = Duration.ofMillis(100);
  public static final Duration MAX_OPEN_FOR = Duration.ofDays(1);

  public CircuitBreaker {
    if (window < 1 || window > MAX_WINDOW) {
      throw new InvalidArgumentException("window", "must be 1–" + MAX_WINDOW + " calls, was " + window);
    }
    if (failures < 1 || failures > window) {
      throw new InvalidArgumentException("failures", "must be 1–" + window + " (the window), was " + failures);
    }
    InvalidArgumentException.requireNonNull(openFor, "openFor");
    if (openFor.compareTo(MIN_OPEN_FOR) < 0 || openFor.compareTo(MAX_OPEN_FOR) > 0) {
      throw new InvalidArgumentException("openFor", "must be " + MIN_OPEN_FOR + "–" + MAX_OPEN_FOR + ", was " + openFor);
    }
  }
}
