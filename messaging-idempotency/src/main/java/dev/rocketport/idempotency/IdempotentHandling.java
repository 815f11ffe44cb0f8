package dev.rocketport.idempotency;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.interception.HandlerContext;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Handler middleware that runs each message's effect once per consumer group, although RocketMQ
 * delivers at least once: before the handler runs, the message's key (its id, or a business key taken
 * from it) is claimed in an {@link IdempotencyStore} under the group's name. A key whose effect
 * happened already is acknowledged without calling the handler; a key another delivery holds right
 * now (a duplicate handled concurrently) is retried later, when it will be found done; a claimed key
 * is completed only when the handler succeeds (or replies) and released otherwise — a retry, a
 * reject or a throw — so a redelivery runs it again. In a batch, keys already done are left out of
 * the call. A message whose key function gives no key is rejected (it can never be handled once
 * only). Thread-safe if the store is.
 */
public final class IdempotentHandling implements HandlerMiddleware {
  /** How long a claim holds if its holder crashes before completing or releasing it. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

  private final IdempotencyStore store;
  private final Function<ReceivedMessage, String> key;
  private final Duration lease;
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong postponed = new AtomicLong();

  private IdempotentHandling(IdempotencyStore store, Function<ReceivedMessage, String> key, Duration lease) {
    this.store = InvalidArgumentException.requireNonNull(store, "store");
    this.key = InvalidArgumentException.requireNonNull(key, "key");
    this.lease = lease;
  }

  /** Keyed by message id: stable across redeliveries, but a producer's resend of a message gets a new one. */
  public static IdempotentHandling byMessageId(IdempotencyStore store) {
    return new IdempotentHandling(store, ReceivedMessage::messageId, DEFAULT_LEASE);
  }

  /** Keyed by a business key taken from the message (an order id in a header, say), which survives resends. */
  public static IdempotentHandling byKey(IdempotencyStore store, Function<ReceivedMessage, String> businessKey) {
    return new IdempotentHandling(store, businessKey, DEFAULT_LEASE);
  }

  /** This middleware with claims that hold {@code lease} (positive) when their holder crashes. */
  public IdempotentHandling withLease(Duration lease) {
    InvalidArgumentException.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new InvalidArgumentException("lease", "must be positive, was " + lease);
    }
    return new IdempotentHandling(store, key, lease);
  }

  @Override
  public HandlerResult handle(HandlerContext context, List<ReceivedMessage> messages, Next next) throws Exception {
    List<ReceivedMessage> toRun = new ArrayList<>(messages.size());
    List<String> claimed = new ArrayList<>(messages.size());
    for (ReceivedMessage message : messages) {
      String businessKey = key.apply(message);
      if (businessKey == null || businessKey.isBlank()) {
        claimed.forEach(store::release);
        return HandlerResult.reject("no idempotency key for message " + message.messageId());
      }
      String scoped = context.group().name() + "/" + businessKey;
      switch (store.claim(scoped, lease)) {
        case DONE -> skipped.incrementAndGet();
        case BUSY -> {
          claimed.forEach(store::release);
          postponed.incrementAndGet();
          return HandlerResult.retry();
        }
        case ACQUIRED -> {
          claimed.add(scoped);
          toRun.add(message);
        }
        default -> throw new IllegalStateException("unknown claim outcome");
      }
    }
    if (toRun.isEmpty()) {
      return HandlerResult.success();
    }
    HandlerResult result;
    try {
      result = next.handle(toRun);
    } catch (Exception | Error e) {
      claimed.forEach(store::release);
      throw e;
    }
    boolean happened = result instanceof HandlerResult.Success || result instanceof HandlerResult.Replied;
    claimed.forEach(happened ? store::complete : store::release);
    return result;
  }

  /** Deliveries acknowledged without calling the handler: their effect had happened. */
  public long duplicatesSkipped() {
    return skipped.get();
  }

  /** Deliveries retried because another delivery of the same key was being handled. */
  public long concurrentDuplicatesPostponed() {
    return postponed.get();
  }
}
