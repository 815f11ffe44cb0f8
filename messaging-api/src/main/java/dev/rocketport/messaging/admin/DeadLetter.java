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
 * {@code message().topic()}
 * is the topic it was originally published to. Immutable.
 */
public record DeadLetter(ConsumerGroup group, StoredMessage stored, int deliveryAttempts,
    Option<String> rejectReason) {

  public DeadLetter {
    InvalidArgumentException.requireNonNull(group, "group");
    InvalidArgumentException.requireNonNull(stored, "stored");
    InvalidArgumentException.requireNonNull(rejectReason, "rejectReason");
  }

  public Message message() {
    return stored.message();
  }
}
