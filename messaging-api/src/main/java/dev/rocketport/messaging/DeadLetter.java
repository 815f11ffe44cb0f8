package dev.rocketport.messaging;

/**
 * A message a consumer group gave up on after {@code deliveryAttempts} deliveries, held in the
 * group's dead-letter topic ({@code %DLQ%<group>}). {@code message().topic()} is the topic it was
 * originally published to. Immutable.
 */
public record DeadLetter(ConsumerGroup group, StoredMessage stored, int deliveryAttempts) {
  public DeadLetter {
    InvalidArgumentException.requireNonNull(group, "group");
    InvalidArgumentException.requireNonNull(stored, "stored");
  }

  public Message message() {
    return stored.message();
  }
}
