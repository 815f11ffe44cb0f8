package dev.rocketport.rocketmq;

import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;

/**
 * One member of a consumer group: a {@link DefaultMQPushConsumer} with a concurrent or orderly
 * listener. Verdicts map to RocketMQ's: success acknowledges; retry is {@code RECONSUME_LATER} (with
 * the delay level at least the requested delay) or, orderly, {@code SUSPEND_CURRENT_QUEUE_A_MOMENT}
 * (for the requested delay); in broadcasting a failure is acknowledged and logged, never
 * redelivered. {@link #close()} is idempotent: it shuts the consumer down, waiting up to the spec's
 * close timeout for running handlers, then persists offsets and leaves the group.
 */
final class RocketMqSubscription implements Subscription {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RocketMqSubscription.class);
  private final SubscriptionSpec spec;
  private final DefaultMQPushConsumer consumer;
  private final Runnable onClose;
  private final AtomicBoolean active = new AtomicBoolean(true);

  private RocketMqSubscription(SubscriptionSpec spec, DefaultMQPushConsumer consumer, Runnable onClose) {
    this.spec = spec;
    this.consumer = consumer;
    this.onClose = onClose;
  }

  private static void logDropped(SubscriptionSpec spec, java.util.List<org.apache.rocketmq.common.message.MessageExt> messages) {
    LOG.warn("group {} (broadcasting): handling failed for {}; broadcast messages are not redelivered", spec.group(),
        messages.stream().map(MessageMapping::messageId).toList());
  }

  /** Registers the listener on {@code consumer} (configured, not started) and starts it. */
  static RocketMqSubscription start(SubscriptionSpec spec, DefaultMQPushConsumer consumer, HandlerInvoker invoker,
      dev.rocketport.messaging.RetryLadder ladder, Runnable onClose) throws Exception {
    boolean broadcasting = spec.deliveryMode() == DeliveryMode.BROADCASTING;
    if (spec.ordering() == dev.rocketport.messaging.Ordering.ORDERLY) {
      consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
        HandlerResult result = invoker.invoke(messages);
        if (result instanceof HandlerResult.Retry retry && !broadcasting) {
          retry.delay().forEach(d -> context.setSuspendCurrentQueueTimeMillis(Math.max(10, d.toMillis())));
          return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
        }
        if (result instanceof HandlerResult.Retry) {
          logDropped(spec, messages);
        }
        return ConsumeOrderlyStatus.SUCCESS;
      });
    } else {
      consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
        HandlerResult result = invoker.invoke(messages);
        if (result instanceof HandlerResult.Retry retry && !broadcasting) {
          retry.delay().forEach(d -> context.setDelayLevelWhenNextConsume(ladder.levelAtLeast(d)));
          return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
        if (result instanceof HandlerResult.Retry) {
          logDropped(spec, messages);
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
      });
    }
    consumer.start();
    return new RocketMqSubscription(spec, consumer, onClose);
  }

  @Override
  public SubscriptionSpec spec() {
    return spec;
  }

  @Override
  public boolean isActive() {
    return active.get();
  }

  @Override
  public void close() {
    if (!active.compareAndSet(true, false)) {
      return;
    }
    try {
      consumer.shutdown();
    } finally {
      onClose.run();
    }
  }
}
