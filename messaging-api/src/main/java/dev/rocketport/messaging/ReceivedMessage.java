package dev.rocketport.messaging;

import java.time.Instant;

/**
 * A message as delivered to a handler.
 *
 * <p>{@code messageId} equals the id in the sender's {@link SendReceipt}; it is the same on every
 * redelivery. {@code deliveryAttempt} is 1 on first delivery and grows by one each retry.
 * {@code queueId}/{@code queueOffset} locate the message in its topic (for a retried message on
 * RocketMQ, in the group's retry topic). Immutable and thread-safe.
 */
public record ReceivedMessage(
    Message message, String messageId, int queueId, long queueOffset, int deliveryAttempt, Instant bornTime,
    Instant storeTime) {
  public ReceivedMessage {
    InvalidArgumentException.requireNonNull(message, "message");
    InvalidArgumentException.requireNonNull(messageId, "messageId");
    InvalidArgumentException.requireNonNull(bornTime, "bornTime");
    InvalidArgumentException.requireNonNull(storeTime, "storeTime");
    if (deliveryAttempt < 1) {
      throw new InvalidArgumentException("deliveryAttempt", "must be at least 1, was " + deliveryAttempt);
    }
  }

  public Topic topic() {
    return message.topic();
  }

  public String bodyAsString() {
    return message.bodyAsString();
  }

  /** The value of user header {@code name}, if present. */
  public io.vavr.control.Option<String> header(String name) {
    return io.vavr.control.Option.of(message.headers().get(name));
  }
}
