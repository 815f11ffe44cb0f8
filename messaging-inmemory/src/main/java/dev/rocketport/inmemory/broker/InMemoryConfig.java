package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.messaging.spi.CapabilityChecks;
import java.time.Duration;

/**
 * Settings of the in-memory broker, defaulting to RocketMQ's own: 4 MiB messages, 3-day maximum
 * delay, the classic retry ladder, 1 s orderly suspension, transaction check-back after 6 s then
 * every 30 s, at most 15 checks. Build with {@link #builder()}. Immutable; an invalid value throws
 * {@link InvalidArgumentException} naming the field, from the builder's setter that took it.
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
    positive(maxMessageSize, "maxMessageSize");
    positive(maxDelay, "maxDelay");
    InvalidArgumentException.requireNonNull(retryLadder, "retryLadder");
    positive(orderlySuspend, "orderlySuspend");
    positive(transactionTimeout, "transactionTimeout");
    positive(transactionCheckInterval, "transactionCheckInterval");
    sendTimeout(sendTimeout);
    positive(transactionMaxChecks, "transactionMaxChecks");
    journalCapacity(journalCapacity);
    positive(maxMessagesPerQueue, "maxMessagesPerQueue");
    positive(asyncMaxInFlight, "asyncMaxInFlight");
  }

  /** RocketMQ's defaults. */
  public static InMemoryConfig defaults() {
    return builder().build();
  }

  /** A builder starting from RocketMQ's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static int positive(int value, String field) {
    if (value < 1) {
      throw new InvalidArgumentException(field, "must be positive, was " + value);
    }
    return value;
  }

  private static Duration positive(Duration d, String field) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new InvalidArgumentException(field, "must be a positive duration, was " + d);
    }
    return d;
  }

  private static Duration sendTimeout(Duration timeout) {
    positive(timeout, "sendTimeout");
    if (timeout.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidArgumentException("sendTimeout", "must be at most a day, was " + timeout);
    }
    return timeout;
  }

  private static int journalCapacity(int capacity) {
    if (capacity < 0) {
      throw new InvalidArgumentException("journalCapacity", "must not be negative, was " + capacity);
    }
    return capacity;
  }

  /** Single-threaded builder with RocketMQ's defaults; each setter checks its value at once. */
  public static final class Builder {
    private int maxMessageSize = CapabilityChecks.DEFAULT_MAX_MESSAGE_SIZE;
    private Duration maxDelay = CapabilityChecks.DEFAULT_MAX_DELAY;
    private RetryLadder retryLadder = RetryLadder.standard();
    private Duration orderlySuspend = Duration.ofSeconds(1);
    private Duration transactionTimeout = Duration.ofSeconds(6);
    private Duration transactionCheckInterval = Duration.ofSeconds(30);
    private int transactionMaxChecks = 15;
    private int journalCapacity = 100_000;
    private int asyncMaxInFlight = 10_000;
    private Duration sendTimeout = Duration.ofSeconds(3);
    private int maxMessagesPerQueue = 100_000;

    private Builder() {}

    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = positive(bytes, "maxMessageSize");
      return this;
    }

    public Builder maxDelay(Duration delay) {
      this.maxDelay = positive(delay, "maxDelay");
      return this;
    }

    public Builder retryLadder(RetryLadder ladder) {
      this.retryLadder = InvalidArgumentException.requireNonNull(ladder, "retryLadder");
      return this;
    }

    public Builder orderlySuspend(Duration suspend) {
      this.orderlySuspend = positive(suspend, "orderlySuspend");
      return this;
    }

    /** The first check-back after {@code timeout}, then every {@code interval}, at most {@code maxChecks}. */
    public Builder transactionChecks(Duration timeout, Duration interval, int maxChecks) {
      positive(timeout, "transactionTimeout");
      positive(interval, "transactionCheckInterval");
      this.transactionMaxChecks = positive(maxChecks, "transactionMaxChecks");
      this.transactionTimeout = timeout;
      this.transactionCheckInterval = interval;
      return this;
    }

    public Builder journalCapacity(int capacity) {
      this.journalCapacity = InMemoryConfig.journalCapacity(capacity);
      return this;
    }

    public Builder asyncMaxInFlight(int bound) {
      this.asyncMaxInFlight = positive(bound, "asyncMaxInFlight");
      return this;
    }

    public Builder sendTimeout(Duration timeout) {
      this.sendTimeout = InMemoryConfig.sendTimeout(timeout);
      return this;
    }

    public Builder maxMessagesPerQueue(int retention) {
      this.maxMessagesPerQueue = positive(retention, "maxMessagesPerQueue");
      return this;
    }

    public InMemoryConfig build() {
      return new InMemoryConfig(maxMessageSize, maxDelay, retryLadder, orderlySuspend, transactionTimeout,
          transactionCheckInterval, transactionMaxChecks, journalCapacity, asyncMaxInFlight, sendTimeout,
          maxMessagesPerQueue);
    }
  }
}
