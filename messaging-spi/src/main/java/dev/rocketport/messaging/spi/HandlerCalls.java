package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.BatchMessageHandler;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.ReceivedMessage;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls an application's handler the way every adapter must: whatever it throws (as RocketMQ's own
 * consume loop treats any {@code Throwable}) and a {@code null} verdict both mean "retry", logged
 * with the message ids. Stateless; thread-safe.
 */
final class HandlerCalls {
  private static final Logger LOG = LoggerFactory.getLogger(HandlerCalls.class);

  private HandlerCalls() {}

  /** The handler's verdict on {@code messages}, delivered to {@code group}; {@code onThrow} learns what it threw. */
  static HandlerResult verdict(BatchMessageHandler handler, List<ReceivedMessage> messages,
      ConsumerGroup group, Consumer<Throwable> onThrow) {
    try {
      HandlerResult result = handler.handle(messages);
      if (result == null) {
        LOG.warn("handler of group {} returned null for {}; treating it as retry", group, ids(messages));
        return HandlerResult.retry();
      }
      return result;
    } catch (Throwable t) {
      onThrow.accept(t);
      LOG.debug("handler of group {} threw for {}; will retry", group, ids(messages), t);
      return HandlerResult.retry();
    }
  }

  private static List<String> ids(List<ReceivedMessage> messages) {
    return messages.stream().map(ReceivedMessage::messageId).toList();
  }
}
