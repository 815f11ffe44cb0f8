package dev.rocketport.outbox;

import dev.rocketport.messaging.InvalidArgumentException;
import java.time.Duration;

/**
 * How an {@link OutboxRelay} works: rows per pass ({@code batchSize}), the pause when nothing is
 * due ({@code pollInterval}), the backoff after a failed publish (doubling from {@code retryBackoff}
 * up to {@code maxRetryBackoff}), and how long sent rows are kept before cleanup
 * ({@code sentRetention}; zero deletes them when they are sent). Immutable; each value is checked.
 */
public record RelaySettings(int batchSize, Duration pollInterval, Duration retryBackoff, Duration maxRetryBackoff,
    Duration sentRetention) {

  public RelaySettings {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new InvalidArgumentException("batchSize", "must be 1–10000, was " + batchSize);
    }
    positive(pollInterval, "pollInterval");
    positive(retryBackoff, "retryBackoff");
    positive(maxRetryBackoff, "maxRetryBackoff");
    InvalidArgumentException.requireNonNull(sentRetention, "sentRetention");
    if (sentRetention.isNegative()) {
      throw new InvalidArgumentException("sentRetention", "must not be negative, was " + sentRetention);
    }
  }

  private static void positive(Duration value, String field) {
    InvalidArgumentException.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new InvalidArgumentException(field, "must be positive, was " + value);
    }
  }

  /** 100 rows per pass, a 200 ms poll, backoff from 100 ms to 1 min, sent rows kept for an hour. */
  public static RelaySettings defaults() {
    return new RelaySettings(100, Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMinutes(1),
        Duration.ofHours(1));
  }

  public RelaySettings withBatchSize(int batchSize) {
    return new RelaySettings(batchSize, pollInterval, retryBackoff, maxRetryBackoff, sentRetention);
  }

  public RelaySettings withPollInterval(Duration pollInterval) {
    return new RelaySettings(batchSize, pollInterval, retryBackoff, maxRetryBackoff, sentRetention);
  }

  public RelaySettings withSentRetention(Duration sentRetention) {
    return new RelaySettings(batchSize, pollInterval, retryBackoff, maxRetryBackoff, sentRetention);
  }

  /** The wait before attempt {@code attempts + 1} of a row that failed {@code attempts} times. */
  Duration backoffAfter(int attempts) {
    Duration wait = retryBackoff;
    for (int i = 1; i < attempts && wait.compareTo(maxRetryBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : wait;
  }
}
