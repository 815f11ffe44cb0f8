package dev.rocketport.messaging;

import java.time.Instant;

/**
 * A message as the broker stores it, found by key, listed as a dead letter or delivered. Its
 * {@code queueId} is {@link SendReceipt#QUEUE_NOT_REPORTED} where the protocol does not say (a
 * delivery over RocketMQ's gRPC protocol). Immutable.
 */
public record StoredMessage(Message message, String messageId, int queueId, long queueOffset, Instant bornTime,
    Instant storeTime) {
  public StoredMessage {
    InvalidArgumentException.requireNonNull(message, "message");
    InvalidArgumentException.requireNonNull(messageId, "messageId");
    InvalidArgumentException.requireNonNull(bornTime, "bornTime");
    InvalidArgumentException.requireNonNull(storeTime, "storeTime");
  }
}
