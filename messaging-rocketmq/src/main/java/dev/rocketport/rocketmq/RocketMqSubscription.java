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
import org.apache.rocketmq.common.MixAll;

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

  /**
   * One step of joining the group promptly; returns whether it is complete. The client learns a
   * topic's route only at its next route poll (every 30 s by default), and a new group's retry topic
   * comes into being only with the consumer's first heartbeat, after the client started — so without
   * this a new group's first retries wait for that poll. Each step fetches the retry topic's route;
   * once the client has it (at once in broadcasting, which has no retry topic) it sends a heartbeat,
   * so the broker holds the latest subscription, and rebalances at once.
   */
  boolean joinPromptly() {
    if (!active.get()) {
      return true;
    }
    var impl = consumer.getDefaultMQPushConsumerImpl();
    var client = impl.getmQClientFactory();
    if (spec.deliveryMode() == DeliveryMode.CLUSTERING) {
      String retryTopic = MixAll.getRetryTopic(consumer.getConsumerGroup());
      client.updateTopicRouteInfoFromNameServer(retryTopic);
      if (!impl.getRebalanceImpl().getTopicSubscribeInfoTable().containsKey(retryTopic)) {
        return false;
      }
    }
    client.sendHeartbeatToAllBrokerWithLock();
    client.rebalanceImmediately();
    return true;
  }

  /**
   * Sends the offsets acknowledged so far to the broker. The client does this itself only from ten
   * seconds after it starts; the subscriber calls this every {@link Clients#OFFSET_PERSIST_INTERVAL}
   * from the start, so that a crash redelivers at most that interval's acknowledged messages.
   */
  void persistOffsets() {
    if (active.get()) {
      consumer.getDefaultMQPushConsumerImpl().persistConsumerOffset();
    }
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
