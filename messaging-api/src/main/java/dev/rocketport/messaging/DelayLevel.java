package dev.rocketport.messaging;

import java.time.Duration;

/**
 * RocketMQ's 18 classic delay levels ({@code 1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m
 * 1h 2h}), for code that speaks in levels. Level 3 is 10 seconds.
 *
 * <p>The same ladder drives retries of a concurrent subscription: the n-th retry waits level
 * {@code 2 + n} (10 s, 30 s, 1 m, … 2 h), see {@link RetryLadder}.
 *
 * <p>A level is only a named duration ({@link #duration()}): {@code deliverAfter(level)} means
 * "after this long" on every adapter. An adapter whose broker schedules by level sends the level;
 * any other schedules the duration — so code written in levels is not tied to RocketMQ.
 */
public enum DelayLevel {
  LEVEL_1(Duration.ofSeconds(1)), LEVEL_2(Duration.ofSeconds(5)), LEVEL_3(Duration.ofSeconds(10)),
  LEVEL_4(Duration.ofSeconds(30)), LEVEL_5(Duration.ofMinutes(1)), LEVEL_6(Duration.ofMinutes(2)),
  LEVEL_7(Duration.ofMinutes(3)), LEVEL_8(Duration.ofMinutes(4)), LEVEL_9(Duration.ofMinutes(5)),
  LEVEL_10(Duration.ofMinutes(6)), LEVEL_11(Duration.ofMinutes(7)), LEVEL_12(Duration.ofMinutes(8)),
  LEVEL_13(Duration.ofMinutes(9)), LEVEL_14(Duration.ofMinutes(10)), LEVEL_15(Duration.ofMinutes(20)),
  LEVEL_16(Duration.ofMinutes(30)), LEVEL_17(Duration.ofHours(1)), LEVEL_18(Duration.ofHours(2));

  private final Duration duration;

  DelayLevel(Duration duration) {
    this.duration = duration;
  }

  /** The delay of this level on a broker with RocketMQ's default {@code messageDelayLevel}. */
  public Duration duration() {
    return duration;
  }

  /** The level's number, 1 to 18. */
  public int number() {
    return ordinal() + 1;
  }

  /** The level numbered {@code number} (1–18); other numbers throw {@link InvalidArgumentException}. */
  public static DelayLevel of(int number) {
    if (number < 1 || number > values().length) {
      throw new InvalidArgumentException("delayLevel", "must be 1–18, was " + number);
    }
    return values()[number - 1];
  }
}
