package dev.rocketport.messaging;

import java.time.Duration;
import java.time.Instant;

/**
 * When a delayed message becomes visible to subscribers. RocketMQ 5 timer messages have one-second
 * precision; a message is never delivered before its time, and a time in the past means now.
 *
 * <p>Immutable and thread-safe. Durations must be positive, else {@link InvalidArgumentException}
 * naming {@code delay}.
 */
public sealed interface DeliveryDelay {

  /**
   * The instant the message becomes visible, for a message sent at {@code sentAt}; {@link Instant#MAX}
   * for a delay beyond it (so that "forever" is refused as too long a delay, not an overflow).
   */
  Instant dueAt(Instant sentAt);

  private static Instant saturatedPlus(Instant instant, Duration duration) {
    return duration.compareTo(Duration.between(instant, Instant.MAX)) >= 0 ? Instant.MAX : instant.plus(duration);
  }

  /** Delivered {@code duration} after it is stored. */
  record After(Duration duration) implements DeliveryDelay {
    public After {
      InvalidArgumentException.requireNonNull(duration, "delay");
      if (duration.isNegative() || duration.isZero()) {
        throw new InvalidArgumentException("delay", "must be positive, was " + duration);
      }
    }

    @Override
    public Instant dueAt(Instant sentAt) {
      return saturatedPlus(sentAt, duration);
    }
  }

  /** Delivered at {@code instant} (at once if that has passed). */
  record At(Instant instant) implements DeliveryDelay {
    public At {
      InvalidArgumentException.requireNonNull(instant, "deliverAt");
    }

    @Override
    public Instant dueAt(Instant sentAt) {
      return instant.isBefore(sentAt) ? sentAt : instant;
    }
  }

  /** Delivered after a classic {@link DelayLevel}. */
  record Level(DelayLevel level) implements DeliveryDelay {
    public Level {
      InvalidArgumentException.requireNonNull(level, "delayLevel");
    }

    @Override
    public Instant dueAt(Instant sentAt) {
      return saturatedPlus(sentAt, level.duration());
    }
  }
}
