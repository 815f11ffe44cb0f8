package dev.rocketport.messaging;

import java.time.Instant;

/**
 * Where a consumer group starts reading a queue it has never committed an offset on — a new group,
 * or a queue added to the topic later. A group that has committed offsets resumes from them
 * whatever its spec says; a broadcasting member, which keeps no offsets, always starts here.
 * <ul>
 *   <li>{@link #earliest()}: the oldest message still stored (the default);
 *   <li>{@link #latest()}: the end of each queue when {@link Subscriber#subscribe} is called, so
 *       every message stored after that call began is delivered and none stored before it;
 *   <li>{@link #at(Instant)}: the first message stored at or after the instant (broker store time,
 *       millisecond precision).
 * </ul>
 * Immutable.
 */
public sealed interface StartPosition {

  static StartPosition earliest() {
    return Earliest.INSTANCE;
  }

  static StartPosition latest() {
    return Latest.INSTANCE;
  }

  /** From {@code instant}, which must not be in the future when the subscription starts. */
  static StartPosition at(Instant instant) {
    return new At(instant);
  }

  /** The oldest stored message. */
  enum Earliest implements StartPosition {
    INSTANCE
  }

  /** The end of each queue at subscribe time. */
  enum Latest implements StartPosition {
    INSTANCE
  }

  /** The first message stored at or after {@code instant}. */
  record At(Instant instant) implements StartPosition {
    public At {
      InvalidArgumentException.requireNonNull(instant, "startFrom");
    }
  }
}
