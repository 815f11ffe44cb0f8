package dev.rocketport.messaging;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * A message as delivered to a handler: the {@link StoredMessage} and which delivery this is.
 *
 * <p>{@link #messageId()} equals the id in the sender's {@link SendReceipt}; it is the same on every
 * redelivery. {@code deliveryAttempt} is 1 on first delivery and grows by one each retry.
 * {@link #queueId()}/{@link #queueOffset()} locate the message in its topic (for a retried message
 * on RocketMQ, in the group's retry topic). Immutable and thread-safe.
 */
public record ReceivedMessage(StoredMessage stored, int deliveryAttempt) {
  public ReceivedMessage {
    InvalidArgumentException.requireNonNull(stored, "stored");
    if (deliveryAttempt < 1) {
      throw new InvalidArgumentException("deliveryAttempt", "must be at least 1, was " + deliveryAttempt);
    }
  }

  public Message message() {
    return stored.message();
  }

  public String messageId() {
    return stored.messageId();
  }

  public int queueId() {
    return stored.queueId();
  }

  public long queueOffset() {
    return stored.queueOffset();
  }

  public Instant bornTime() {
    return stored.bornTime();
  }

  public Instant storeTime() {
    return stored.storeTime();
  }

  public Topic topic() {
    return stored.message().topic();
  }

  public String bodyAsString() {
    return stored.message().bodyAsString();
  }

  /** The body as a typed payload ({@link Message#payload}). */
  public <T> io.vavr.control.Either<DecodeFailure, T> payload(Codec<T> codec) {
    return stored.message().payload(codec);
  }

  /** The value of user header {@code name}, if present. */
  public Option<String> header(String name) {
    return Option.of(stored.message().headers().get(name));
  }
}
