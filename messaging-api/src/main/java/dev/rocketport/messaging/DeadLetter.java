package dev.rocketport.messaging;

import io.vavr.control.Option;

/**
 * A message a consumer group gave up on, held in the group's dead-letter topic
 * ({@code %DLQ%<group>}): after {@code deliveryAttempts} failed deliveries, or at once when a handler
 * {@linkplain HandlerResult#reject rejected} it — then {@code rejectReason} holds the handler's reason
 * (on the broker, as the message's {@value #REJECT_REASON_HEADER} property). {@code message().topic()}
 * is the topic it was originally published to. Immutable.
 */
public record DeadLetter(ConsumerGroup group, StoredMessage stored, int deliveryAttempts,
    Option<String> rejectReason) {
  /** The broker-side property that carries a reject reason. */
  public static final String REJECT_REASON_HEADER = Headers.RESERVED_PREFIX + "reject-reason";

  public DeadLetter {
    InvalidArgumentException.requireNonNull(group, "group");
    InvalidArgumentException.requireNonNull(stored, "stored");
    InvalidArgumentException.requireNonNull(rejectReason, "rejectReason");
  }

  public Message message() {
    return stored.message();
  }
}
