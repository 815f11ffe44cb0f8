package dev.rocketport.messaging;

/**
 * A one-way send handed to the network ({@link Publisher#sendOneway}): nothing more is known — the
 * broker does not answer, so whether it stored the message is not reported. {@code messageId} is
 * the id the message carries (for logs and tracing). Immutable.
 */
public record Dispatched(String messageId, Topic topic) {
  public Dispatched {
    InvalidArgumentException.requireNonNull(messageId, "messageId");
    InvalidArgumentException.requireNonNull(topic, "topic");
  }
}
