package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The checks every adapter applies before sending, so that all adapters reject the same input with
 * the same failure. Stateless and thread-safe. For adapter authors; applications need not use it.
 */
public final class PublishChecks {
  /** RocketMQ's limit on a message's encoded properties (a 16-bit length on the wire). */
  public static final int MAX_PROPERTIES_BYTES = Short.MAX_VALUE;

  private PublishChecks() {}

  /**
   * Throws {@link InvalidArgumentException} for a null message; otherwise the failure, if any.
   * {@code clock} is read only for a delayed message.
   */
  public static Option<PublishFailure> check(Message message, Capabilities capabilities, Supplier<Instant> clock) {
    if (message == null) {
      throw new InvalidArgumentException("message", "must not be null");
    }
    if (message.bodyLength() > capabilities.maxMessageSize()) {
      return Option.some(new PublishFailure.MessageTooLarge(message.bodyLength(), capabilities.maxMessageSize()));
    }
    if (message.bodyLength() == 0) {
      return Option.some(new PublishFailure.InvalidMessage("body", "must not be empty (RocketMQ refuses empty bodies)"));
    }
    int properties = userPropertiesBytes(message);
    if (properties > capabilities.maxPropertiesBytes()) {
      return Option.some(new PublishFailure.InvalidMessage("headers", "headers (" + message.headers().size()
          + "), keys (" + message.keys().size() + ") and tag take " + properties + " bytes as RocketMQ properties; at most "
          + capabilities.maxPropertiesBytes() + " fit on " + capabilities.adapter()));
    }
    if (message.delay().isDefined()) {
      Instant now = clock.get();
      Duration wait = Duration.between(now, message.delay().get().dueAt(now));
      if (wait.compareTo(capabilities.maxDelay()) > 0) {
        return Option.some(new PublishFailure.InvalidMessage("delay",
            "delivery is " + wait + " away; the maximum is " + capabilities.maxDelay()));
      }
    }
    return Option.none();
  }

  /**
   * The size of {@code message}'s headers, keys and tag encoded as RocketMQ properties: UTF-8
   * {@code name\u0001value\u0002} each, the keys joined by spaces under {@code KEYS}, the tag under
   * {@code TAGS}.
   */
  static int userPropertiesBytes(Message message) {
    int bytes = 0;
    for (var header : message.headers().entrySet()) {
      bytes += utf8Length(header.getKey()) + utf8Length(header.getValue()) + 2;
    }
    if (!message.keys().isEmpty()) {
      bytes += "KEYS".length() + 2 + message.keys().size() - 1;
      for (var key : message.keys()) {
        bytes += utf8Length(key.value());
      }
    }
    if (message.tag().isDefined()) {
      bytes += "TAGS".length() + 2 + utf8Length(message.tag().get().name());
    }
    return bytes;
  }

  private static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** As {@link #check}, and also refuses a delayed message, which {@code port} cannot send. */
  public static Option<PublishFailure> checkUndelayed(Message message, Capabilities capabilities,
      Supplier<Instant> clock, String port) {
    Option<PublishFailure> failure = check(message, capabilities, clock);
    if (failure.isEmpty() && message.delay().isDefined()) {
      return Option.some(new PublishFailure.InvalidMessage("delay", port + " cannot send delayed messages"));
    }
    return failure;
  }

  /**
   * The failure shared by every entry of a batch that cannot be sent at all (mixed topics or
   * delayed entries), if any. Throws {@link InvalidArgumentException} for a null or empty list.
   */
  public static Option<PublishFailure> checkBatchShape(List<Message> messages) {
    if (messages == null) {
      throw new InvalidArgumentException("messages", "must not be null");
    }
    if (messages.isEmpty()) {
      throw new InvalidArgumentException("messages", "a batch needs at least one message");
    }
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i) == null) {
        throw new InvalidArgumentException("messages[" + i + "]", "must not be null");
      }
    }
    var topic = messages.get(0).topic();
    if (messages.stream().anyMatch(m -> !m.topic().equals(topic))) {
      return Option.some(new PublishFailure.InvalidMessage("topic", "all messages of a batch must share one topic"));
    }
    if (messages.stream().anyMatch(m -> m.delay().isDefined())) {
      return Option.some(new PublishFailure.InvalidMessage("delay", "a batch cannot contain delayed messages"));
    }
    return Option.none();
  }
}
