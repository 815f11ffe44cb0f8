package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.StoredMessage;
import java.time.Instant;

/**
 * One message stored in a queue of the in-memory broker. For entries of a group's retry or
 * dead-letter queue, {@code message.topic()} is still the original topic and
 * {@code reconsumeTimes} counts the retries so far. Immutable.
 */
record StoredEntry(Message message, String messageId, QueueRef queue, long offset, Instant bornTime,
    Instant storeTime, int reconsumeTimes) {

  ReceivedMessage received(int deliveryAttempt) {
    return new ReceivedMessage(stored(), deliveryAttempt);
  }

  StoredMessage stored() {
    return new StoredMessage(message, messageId, queue.queueId(), offset, bornTime, storeTime);
  }
}
