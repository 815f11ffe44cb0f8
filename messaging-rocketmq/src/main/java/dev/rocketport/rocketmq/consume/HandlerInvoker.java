package dev.rocketport.rocketmq.consume;

import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.Disposition;
import dev.rocketport.messaging.spi.GuardedHandler;
import dev.rocketport.rocketmq.client.MessageMapping;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a subscription's {@link GuardedHandler} on messages from RocketMQ, converted by
 * {@link MessageMapping} (the guarded handler decides what a failure, or a message that cannot be
 * converted, means), and leaves the client's handler thread as the client needs it. Thread-safe if
 * the handler is.
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
   * The disposition of {@code messages}. Returns with the thread's interrupt flag cleared: the
   * client interrupts handler threads when a consumer shuts down, and with the flag still set its
   * bookkeeping after the listener ({@code ProcessQueue}'s interruptible locks) fails in a way that
   * drops the send-back of a retry and then commits the message's offset as if it had been consumed.
   */
  Disposition invoke(List<MessageExt> messages) {
    try {
      return handler.handle(messages, mapping::received, MessageMapping::messageId);
    } finally {
      if (Thread.interrupted()) {
        LOG.debug("group {}: handler thread interrupted by the consumer's shutdown", spec.group());
      }
    }
  }
}
