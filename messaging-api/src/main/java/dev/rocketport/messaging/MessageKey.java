package dev.rocketport.messaging;


/**
 * A business key carried by a message (an order id, a request id) and indexed by the broker, so
 * messages can be found by it for tracing ({@link dev.rocketport.messaging.admin.MessagingAdmin#findByKey}). 1–128 characters,
 * no white space (RocketMQ separates keys with spaces) and no control characters, not starting with
 * {@value Headers#RESERVED_PREFIX} (Rocketport's own keys, which applications never see).
 *
 * <p>Immutable and thread-safe; an illegal key throws {@link InvalidArgumentException} naming the
 * field {@code key}.
 */
public record MessageKey(String value) {
  public static final int MAX_LENGTH = 128;

  public MessageKey {
    InvalidArgumentException.requireNonNull(value, "key");
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new InvalidArgumentException("key", "must be 1–" + MAX_LENGTH + " characters, was " + value.length());
    }
    Names.requireWellFormed(value, "key");
    Names.requireNoControl(value, "key");
    if (value.startsWith(Headers.RESERVED_PREFIX)) {
      throw new InvalidArgumentException("key", "'" + value + "' starts with the reserved prefix "
          + Headers.RESERVED_PREFIX);
    }
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidArgumentException("key", "'" + value + "' must not contain white space");
    }
  }

  public static MessageKey of(String value) {
    return new MessageKey(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
