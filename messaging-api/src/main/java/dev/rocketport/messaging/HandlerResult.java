package dev.rocketport.messaging;

import io.vavr.control.Option;
import java.time.Duration;

/**
 * A handler's verdict on a message: {@link #success()} acknowledges it; {@link #retry()} asks for
 * redelivery on the group's retry ladder, {@link #retryAfter(Duration)} after at least the given
 * delay (rounded up to the next delay level on RocketMQ). A handler that throws is treated as
 * {@code retry()}. Immutable.
 */
public sealed interface HandlerResult {

  static HandlerResult success() {
    return Success.INSTANCE;
  }

  static HandlerResult retry() {
    return new Retry(Option.none());
  }

  static HandlerResult retryAfter(Duration delay) {
    InvalidArgumentException.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.isZero()) {
      throw new InvalidArgumentException("delay", "must be positive, was " + delay);
    }
    return new Retry(Option.some(delay));
  }

  /** The message was handled; it will not be delivered to this group again. */
  enum Success implements HandlerResult {
    INSTANCE
  }

  /** The message should be delivered again, after {@code delay} if given. */
  record Retry(Option<Duration> delay) implements HandlerResult {
    public Retry {
      InvalidArgumentException.requireNonNull(delay, "delay");
    }
  }
}
