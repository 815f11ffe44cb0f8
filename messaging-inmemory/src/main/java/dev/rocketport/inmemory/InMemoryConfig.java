package dev.rocketport.inmemory;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.RetryLadder;
import java.time.Duration;

/**
 * Settings of the in-memory broker, defaulting to RocketMQ's own: 4 MiB messages, 3-day maximum
 * delay, the classic retry ladder, 1 s orderly suspension, transaction check-back after 6 s then
 * every 30 s, at most 15 checks. Immutable; invalid values throw {@link InvalidArgumentException}.
 *
 * @param journalCapacity how many lifecycle events the {@link Journal} keeps (0 turns it off)
 * @param asyncMaxInFlight bound on asynchronous sends in flight
 * @param sendTimeout how long a publisher waits for an in-flight slot
 * @param maxMessagesPerQueue retention: how many messages each queue keeps (older ones are dropped,
 *     as RocketMQ drops expired files; consumers behind skip ahead)
 */
public record InMemoryConfig(int maxMessageSize, Duration maxDelay, RetryLadder retryLadder,
    Duration orderlySuspend, Duration transactionTimeout, Duration transactionCheckInterval,
    int transactionMaxChecks, int journalCapacity, int asyncMaxInFlight, Duration sendTimeout,
    int maxMessagesPerQueue) {

  public InMemoryConfig {
    if (maxMessageSize < 1) {
      throw new InvalidArgumentException("maxMessageSize", "must be positive, was " + maxMessageSize);
    }
    requirePositive(maxDelay, "maxDelay");
    if (retryLadder == null) {
      throw new InvalidArgumentException("retryLadder", "must not be null");
    }
    requirePositive(orderlySuspend, "orderlySuspend");
    requirePositive(transactionTimeout, "transactionTimeout");
    requirePositive(transactionCheckInterval, "transactionCheckInterval");
    requirePositive(sendTimeout, "sendTimeout");
    if (sendTimeout.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidArgumentException("sendTimeout", "must be at most a day, was " + sendTimeout);
    }
    if (transactionMaxChecks < 1) {
      throw new InvalidArgumentException("transactionMaxChecks", "must be positive, was " + transactionMaxChecks);
    }
    if (journalCapacity < 0) {
      throw new InvalidArgumentException("journalCapacity", "must not be negative, was " + journalCapacity);
    }
    if (maxMessagesPerQueue < 1) {
      throw new InvalidArgumentException("maxMessagesPerQueue", "must be positive, was " + maxMessagesPerQueue);
    }
    if (asyncMaxInFlight < 1) {
      throw new InvalidArgumentException("asyncMaxInFlight", "must be positive, was " + asyncMaxInFlight);
    }
  }

  /** RocketMQ's defaults. */
  public static InMemoryConfig defaults() {
    return new InMemoryConfig(Capabilities.DEFAULT_MAX_MESSAGE_SIZE, Capabilities.DEFAULT_MAX_DELAY,
        RetryLadder.rocketMqDefault(), Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(30), 15,
        100_000, 10_000, Duration.ofSeconds(3), 100_000);
  }

  public InMemoryConfig withMaxMessageSize(int bytes) {
    return new InMemoryConfig(bytes, maxDelay, retryLadder, orderlySuspend, transactionTimeout,
        transactionCheckInterval, transactionMaxChecks, journalCapacity, asyncMaxInFlight, sendTimeout, maxMessagesPerQueue);
  }

  public InMemoryConfig withRetryLadder(RetryLadder ladder) {
    return new InMemoryConfig(maxMessageSize, maxDelay, ladder, orderlySuspend, transactionTimeout,
        transactionCheckInterval, transactionMaxChecks, journalCapacity, asyncMaxInFlight, sendTimeout, maxMessagesPerQueue);
  }

  public InMemoryConfig withTransactionChecks(Duration timeout, Duration interval, int maxChecks) {
    return new InMemoryConfig(maxMessageSize, maxDelay, retryLadder, orderlySuspend, timeout, interval, maxChecks,
        journalCapacity, asyncMaxInFlight, sendTimeout, maxMessagesPerQueue);
  }

  public InMemoryConfig withJournalCapacity(int capacity) {
    return new InMemoryConfig(maxMessageSize, maxDelay, retryLadder, orderlySuspend, transactionTimeout,
        transactionCheckInterval, transactionMaxChecks, capacity, asyncMaxInFlight, sendTimeout, maxMessagesPerQueue);
  }

  public InMemoryConfig withAsyncMaxInFlight(int bound) {
    return new InMemoryConfig(maxMessageSize, maxDelay, retryLadder, orderlySuspend, transactionTimeout,
        transactionCheckInterval, transactionMaxChecks, journalCapacity, bound, sendTimeout, maxMessagesPerQueue);
  }

  public InMemoryConfig withMaxMessagesPerQueue(int retention) {
    return new InMemoryConfig(maxMessageSize, maxDelay, retryLadder, orderlySuspend, transactionTimeout,
        transactionCheckInterval, transactionMaxChecks, journalCapacity, asyncMaxInFlight, sendTimeout, retention);
  }

  private static void requirePositive(Duration d, String field) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new InvalidArgumentException(field, "must be a positive duration, was " + d);
    }
  }
}
