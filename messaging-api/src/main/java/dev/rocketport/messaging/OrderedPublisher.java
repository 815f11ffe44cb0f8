package dev.rocketport.messaging;

import io.vavr.control.Either;

/**
 * Publishes messages that must be consumed in order per sharding key: messages sent with equal
 * {@link ShardingKey}s go to the same queue, in the order of their successful sends, and an
 * {@link Ordering#ORDERLY} subscription consumes them in that order.
 *
 * <p>Order holds between sends that happened one after another (the second started after the first
 * returned). Delayed messages are rejected ({@link PublishFailure.InvalidMessage} on {@code delay})
 * because a delay would reorder them. Guarantees, errors and close behaviour are those of
 * {@link Publisher#send}. Thread-safe.
 */
public interface OrderedPublisher {

  /** Sends {@code message} to the queue selected by {@code shardingKey} and waits for the answer. */
  Either<PublishFailure, SendReceipt> send(Message message, ShardingKey shardingKey);
}
