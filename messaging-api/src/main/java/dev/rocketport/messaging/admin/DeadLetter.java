package dev.rocketport.messaging.admin;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.admin.DeadLetter;
import io.vavr.control.Option;

/**
 * A message a consumer group gave up on, held in the group's dead-letter topic
 * ({@code %DLQ%<group>}): after {@code deliveryAttempts} failed deliveries, or at once when a handler
 * {@linkplain dev.rocketport.messaging.HandlerResult#reject rejected} it — then {@code rejectReason} holds the handler's reason.
 * {@code message().topic()} is the topic it was originally published to; {@code redrives} counts how
 * often this message was {@linkplain MessagingAdmin#redrive redriven} before it came back here (0 for a
 * message that never was), so tools can refuse to redrive it in a loop. Immutable.
 */
public record DeadLetter(ConsumerGroup group, StoredMessage stored, int deliveryAttempts,
    Option<String> rejectReason, int redrives) {

  public DeadLetter {
    InvalidArgumentException.requireNonNull(group, "group");
    InvalidArgumentException.requireNonNull(stored, "stored");
    InvalidArgumentException.requireNonNull(rejectReason, "rejectReason");
    if (redrives < 0) {
      throw new InvalidArgumentException("redrives", "must not be negative, was " + redrives);
    }
  }

  /** The id of the stored message this letter holds: what {@link MessagingAdmin#redrive} and tools name it by. */
  public String messageId() {
    return stored.messageId();
  }

  public Message message() {
    return stored.message();
  }
}
