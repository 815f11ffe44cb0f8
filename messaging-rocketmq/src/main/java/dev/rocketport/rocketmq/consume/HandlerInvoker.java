package dev.rocketport.rocketmq.consume;

import dev.rocketport.rocketmq.client.MessageMapping;
import dev.rocketport.messaging.spi.GuardedHandler;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SubscriptionSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a subscription's handler (guarded by {@code AbstractSubscriber}: a throw or a null verdict is
 * already {@code retry()}) on messages from RocketMQ: converts them, and turns a message that cannot
 * be converted (a foreign producer's header that Rocketport forbids, say) into {@code retry()} too,
 * so it ends in the dead-letter queue instead of being lost. Thread-safe if the handler is.
 */
public final class HandlerInvoker {
  private static final Logger LOG = LoggerFactory.getLogger(HandlerInvoker.class);

  private final SubscriptionSpec spec;
  private final GuardedHandler handler;
  private final MessageMapping mapping;

  HandlerInvoker(SubscriptionSpec spec, GuardedHandler handler, MessageMapping mapping) {
    this.spec = spec;
    this.handler = handler;
    this.mapping = mapping;
  }

  /**
   * The handler's verdict on {@code messages}. Returns with the thread's interrupt flag cleared: the
   * client interrupts handler threads when a consumer shuts down, and with the flag still set its
   * bookkeeping after the listener ({@code ProcessQueue}'s interruptible locks) fails in a way that
   * drops the send-back of a retry and then commits the message's offset as if it had been consumed.
   */
  HandlerResult invoke(List<MessageExt> messages) {
    try {
      return verdict(messages);
    } finally {
      if (Thread.interrupted()) {
        LOG.debug("group {}: handler thread interrupted by the consumer's shutdown", spec.group());
      }
    }
  }

  private HandlerResult verdict(List<MessageExt> messages) {
    List<ReceivedMessage> received = new ArrayList<>(messages.size());
    try {
      for (MessageExt ext : messages) {
        received.add(mapping.received(ext));
      }
    } catch (RuntimeException e) {
      LOG.error("group {}: cannot convert message {}; it will be retried and then dead-lettered", spec.group(),
          messages.stream().map(MessageMapping::messageId).toList(), e);
      return HandlerResult.retry();
    }
    return handler.handle(received);
  }
}
