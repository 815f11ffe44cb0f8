package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.Message;
import java.time.Instant;

/**
 * A transactional message stored invisibly until its transaction ends ({@link Broker#storeHalf}).
 * Immutable.
 */
public record HalfMessage(Message message, String messageId, String transactionId, int queueId, Instant bornTime) {}
