package dev.rocketport.messaging;

import java.time.Instant;

/** A message as the broker stores it, found by key or listed as a dead letter. Immutable. */
public record StoredMessage(Message message, String messageId, int queueId, long queueOffset, Instant bornTime,
    Instant storeTime) {
  public StoredMessage {
    InvalidArgumentException.requireNonNull(message, "message");
    InvalidArgumentException.requireNonNull(messageId, "messageId");
    InvalidArgumentException.requireNonNull(bornTime, "bornTime");
    InvalidArgumentException.requireNonNull(storeTime, "storeTime");
  }
}
