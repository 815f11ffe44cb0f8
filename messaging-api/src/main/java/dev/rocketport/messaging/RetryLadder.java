package dev.rocketport.messaging;

import java.time.Duration;
import java.util.List;

/**
 * The delays between attempts of a failed message in a {@link Ordering#CONCURRENT} clustering
 * subscription. RocketMQ's ladder: the n-th retry waits delay level {@code 2 + n}, i.e. 10 s,
 * 30 s, 1 m, 2 m, … 2 h, and every retry past the 16th waits the last level. A broker configured
 * with other {@code messageDelayLevel}s has another ladder (see {@link #of(List)}). Immutable.
 */
public record RetryLadder(List<Duration> levels) {
  /** The first retry uses level 3 (index 2). */
  private static final int FIRST_RETRY_LEVEL_INDEX = 2;

  public RetryLadder {
    levels = List.copyOf(InvalidArgumentException.requireNonNull(levels, "levels"));
    if (levels.size() <= FIRST_RETRY_LEVEL_INDEX) {
      throw new InvalidArgumentException("levels", "a ladder needs at least 3 delay levels, had " + levels.size());
    }
  }

  /** The standard ladder (RocketMQ's default), from the 18 classic delay levels. */
  public static RetryLadder standard() {
    return new RetryLadder(java.util.Arrays.stream(DelayLevel.values()).map(DelayLevel::duration).toList());
  }

  public static RetryLadder of(List<Duration> levels) {
    return new RetryLadder(levels);
  }

  /** The delay before retry number {@code retry} (1 for the first redelivery). */
  public Duration delayBeforeRetry(int retry) {
    if (retry < 1) {
      throw new InvalidArgumentException("retry", "must be at least 1, was " + retry);
    }
    int index = Math.min(FIRST_RETRY_LEVEL_INDEX + retry - 1, levels.size() - 1);
    return levels.get(index);
  }
}
