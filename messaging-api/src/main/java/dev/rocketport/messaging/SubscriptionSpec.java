package dev.rocketport.messaging;

import dev.rocketport.messaging.interception.HandlerMiddleware;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a subscription consumes and how: topic, consumer group, filter, delivery mode, ordering,
 * handler concurrency, maximum retries before dead-lettering, optional batch size, how long
 * {@link Subscription#close()} waits for in-flight handlers, and the subscription's own
 * {@link HandlerMiddleware} (inside the runtime's), where a group that has never committed an
 * offset starts ({@link StartPosition}, by default the earliest stored message), and how long one
 * handler call may take ({@link #handlerTimeout()}, by default unbounded).
 *
 * <p>Build with {@link #builder(Topic, ConsumerGroup)}. Immutable; a null or out-of-range value
 * throws {@link InvalidArgumentException} naming the field, from the builder's setter that took it
 * (as {@link Message.Builder} does). Defaults: all messages, clustering, concurrent,
 * concurrency 4, {@value #DEFAULT_MAX_RETRIES} retries (RocketMQ's default), one message per call,
 * close timeout 30 s, start from the earliest message, no handler timeout, every exception retried,
 * no circuit breaker, no rate limit.
 *
 * @param handlerTimeout how long one handler call may run: past it the call's thread is interrupted
 *     and its messages are redelivered as retries (the call's verdict, if it comes later, is ignored),
 *     so one hung handler cannot stall the subscription or its close. Concurrent subscriptions only:
 *     an orderly one would deliver a queue's next message while the hung call still runs.
 * @param failurePolicy what the handler's exceptions mean, by type: retry, retry after a delay, or reject
 * @param circuitBreaker pauses the subscription while its handler keeps failing
 * @param rateLimit how many messages per second the subscription handles at most
 */
public record SubscriptionSpec(
    Topic topic, ConsumerGroup group, Filter filter, DeliveryMode deliveryMode, Ordering ordering, int concurrency,
    int maxRetries, Option<Integer> batchSize, Duration closeTimeout, List<HandlerMiddleware> middleware,
    StartPosition startFrom, Option<Duration> handlerTimeout, FailurePolicy failurePolicy,
    Option<CircuitBreaker> circuitBreaker, Option<RateLimit> rateLimit) {

  public static final int DEFAULT_MAX_RETRIES = 16;
  public static final int MAX_CONCURRENCY = 256;
  /** The longest close timeout: a day, for "wait as long as it takes". */
  public static final Duration MAX_CLOSE_TIMEOUT = Duration.ofDays(1);
  public static final int MAX_BATCH_SIZE = 256;
  public static final int MAX_RETRIES_LIMIT = 64;
  /** The shortest handler timeout. */
  public static final Duration MIN_HANDLER_TIMEOUT = Duration.ofMillis(10);

  public SubscriptionSpec {
    InvalidArgumentException.requireNonNull(topic, "topic");
    InvalidArgumentException.requireNonNull(group, "group");
    InvalidArgumentException.requireNonNull(filter, "filter");
    InvalidArgumentException.requireNonNull(deliveryMode, "deliveryMode");
    InvalidArgumentException.requireNonNull(ordering, "ordering");
    InvalidArgumentException.requireNonNull(batchSize, "batchSize");
    checkConcurrency(concurrency);
    checkMaxRetries(maxRetries);
    batchSize.forEach(SubscriptionSpec::checkBatchSize);
    checkCloseTimeout(closeTimeout);
    InvalidArgumentException.requireNonNull(middleware, "middleware");
    middleware.forEach(m -> InvalidArgumentException.requireNonNull(m, "middleware entry"));
    middleware = List.copyOf(middleware);
    InvalidArgumentException.requireNonNull(startFrom, "startFrom");
    InvalidArgumentException.requireNonNull(handlerTimeout, "handlerTimeout");
    handlerTimeout.forEach(SubscriptionSpec::checkHandlerTimeout);
    InvalidArgumentException.requireNonNull(failurePolicy, "failurePolicy");
    InvalidArgumentException.requireNonNull(circuitBreaker, "circuitBreaker");
    InvalidArgumentException.requireNonNull(rateLimit, "rateLimit");
    if (handlerTimeout.isDefined() && ordering == Ordering.ORDERLY) {
      throw new InvalidArgumentException("handlerTimeout", "not with orderly delivery: the queue's next message "
          + "would be handled while the timed-out call still runs");
    }
  }

  private static Duration checkHandlerTimeout(Duration timeout) {
    InvalidArgumentException.requireNonNull(timeout, "handlerTimeout");
    if (timeout.compareTo(MIN_HANDLER_TIMEOUT) < 0 || timeout.compareTo(MAX_CLOSE_TIMEOUT) > 0) {
      throw new InvalidArgumentException("handlerTimeout", "must be " + MIN_HANDLER_TIMEOUT + "–" + MAX_CLOSE_TIMEOUT
          + ", was " + timeout);
    }
    return timeout;
  }

  private static int checkConcurrency(int concurrency) {
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new InvalidArgumentException("concurrency", "must be 1–" + MAX_CONCURRENCY + ", was " + concurrency);
    }
    return concurrency;
  }

  private static int checkMaxRetries(int maxRetries) {
    if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
      throw new InvalidArgumentException("maxRetries", "must be 0–" + MAX_RETRIES_LIMIT + ", was " + maxRetries);
    }
    return maxRetries;
  }

  private static int checkBatchSize(int batchSize) {
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new InvalidArgumentException("batchSize", "must be 1–" + MAX_BATCH_SIZE + ", was " + batchSize);
    }
    return batchSize;
  }

  private static Duration checkCloseTimeout(Duration closeTimeout) {
    InvalidArgumentException.requireNonNull(closeTimeout, "closeTimeout");
    if (closeTimeout.isNegative() || closeTimeout.compareTo(MAX_CLOSE_TIMEOUT) > 0) {
      throw new InvalidArgumentException("closeTimeout", "must be 0–" + MAX_CLOSE_TIMEOUT + ", was " + closeTimeout);
    }
    return closeTimeout;
  }

  public static Builder builder(Topic topic, ConsumerGroup group) {
    return new Builder(topic, group);
  }

  /** The total number of deliveries a message gets before it is dead-lettered: {@code maxRetries + 1}. */
  public int maxDeliveryAttempts() {
    return maxRetries + 1;
  }

  /** Single-threaded builder with the documented defaults; each setter checks its value at once. */
  public static final class Builder {
    private final Topic topic;
    private final ConsumerGroup group;
    private Filter filter = Filter.all();
    private DeliveryMode deliveryMode = DeliveryMode.CLUSTERING;
    private Ordering ordering = Ordering.CONCURRENT;
    private int concurrency = 4;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private @Nullable Integer batchSize;
    private Duration closeTimeout = Duration.ofSeconds(30);
    private final List<HandlerMiddleware> middleware = new ArrayList<>();
    private StartPosition startFrom = StartPosition.earliest();
    private @Nullable Duration handlerTimeout;
    private FailurePolicy failurePolicy = FailurePolicy.retryAll();
    private @Nullable CircuitBreaker circuitBreaker;
    private @Nullable RateLimit rateLimit;

    private Builder(Topic topic, ConsumerGroup group) {
      this.topic = InvalidArgumentException.requireNonNull(topic, "topic");
      this.group = InvalidArgumentException.requireNonNull(group, "group");
    }

    public Builder filter(Filter filter) {
      this.filter = InvalidArgumentException.requireNonNull(filter, "filter");
      return this;
    }

    public Builder deliveryMode(DeliveryMode mode) {
      this.deliveryMode = InvalidArgumentException.requireNonNull(mode, "deliveryMode");
      return this;
    }

    public Builder broadcasting() {
      return deliveryMode(DeliveryMode.BROADCASTING);
    }

    public Builder ordering(Ordering ordering) {
      this.ordering = InvalidArgumentException.requireNonNull(ordering, "ordering");
      return this;
    }

    public Builder orderly() {
      return ordering(Ordering.ORDERLY);
    }

    public Builder concurrency(int concurrency) {
      this.concurrency = checkConcurrency(concurrency);
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      this.maxRetries = checkMaxRetries(maxRetries);
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = checkBatchSize(batchSize);
      return this;
    }

    public Builder closeTimeout(Duration closeTimeout) {
      this.closeTimeout = checkCloseTimeout(closeTimeout);
      return this;
    }

    /** Adds {@code middleware} inside the subscription's middleware added so far. */
    public Builder middleware(HandlerMiddleware middleware) {
      this.middleware.add(InvalidArgumentException.requireNonNull(middleware, "middleware"));
      return this;
    }

    /** Where the group starts on queues it has never committed an offset on. */
    public Builder startFrom(StartPosition startFrom) {
      this.startFrom = InvalidArgumentException.requireNonNull(startFrom, "startFrom");
      return this;
    }

    /** How long one handler call may run before its messages are redelivered (concurrent delivery only). */
    public Builder handlerTimeout(Duration timeout) {
      this.handlerTimeout = checkHandlerTimeout(timeout);
      return this;
    }

    /** What the handler's exceptions mean, by type ({@link FailurePolicy}); by default every one is retried. */
    public Builder failurePolicy(FailurePolicy policy) {
      this.failurePolicy = InvalidArgumentException.requireNonNull(policy, "failurePolicy");
      return this;
    }

    /** Pauses the subscription while its handler keeps failing ({@link CircuitBreaker}); none by default. */
    public Builder circuitBreaker(CircuitBreaker breaker) {
      this.circuitBreaker = InvalidArgumentException.requireNonNull(breaker, "circuitBreaker");
      return this;
    }

    /** Handles at most so many messages per second ({@link RateLimit}); unlimited by default. */
    public Builder rateLimit(RateLimit limit) {
      this.rateLimit = InvalidArgumentException.requireNonNull(limit, "rateLimit");
      return this;
    }

    public SubscriptionSpec build() {
      return new SubscriptionSpec(topic, group, filter, deliveryMode, ordering, concurrency, maxRetries,
          Option.of(batchSize), closeTimeout, middleware, startFrom, Option.of(handlerTimeout), failurePolicy,
          Option.of(circuitBreaker), Option.of(rateLimit));
    }
  }
}
