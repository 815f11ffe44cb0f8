package dev.rocketport.rocketmq.consume;

import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.Disposition;
import dev.rocketport.messaging.spi.PauseGate;
import dev.rocketport.messaging.spi.WireRules;
import dev.rocketport.rocketmq.client.ClientInternals;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.common.MixAll;

/**
 * One member of a consumer group: a {@link DefaultMQPushConsumer} with a concurrent or orderly
 * listener, both deciding through {@link Deliveries}: a redelivery is {@code RECONSUME_LATER} (with
 * the delay level at least the requested delay) or, orderly, {@code SUSPEND_CURRENT_QUEUE_A_MOMENT}
 * (for the requested delay). Pausing suspends the consumer's pulls and holds handler threads at a
 * {@link PauseGate}. {@link #close()} is idempotent: it releases held threads, shuts the consumer
 * down, waiting up to the spec's close timeout for running handlers, then persists offsets and leaves
 * the group.
 */
public final class RocketMqSubscription implements Subscription {
  private final SubscriptionSpec spec;
  private final DefaultMQPushConsumer consumer;
  private final Runnable onClose;
  private final AtomicBoolean active = new AtomicBoolean(true);
  private final PauseGate gate;
  /** The newest subscription version {@link #keepUp} announced; confined to the housekeeping thread. */
  private long announcedVersion;

  private RocketMqSubscription(SubscriptionSpec spec, DefaultMQPushConsumer consumer, PauseGate gate,
      Runnable onClose) {
    this.spec = spec;
    this.consumer = consumer;
    this.gate = gate;
    this.onClose = onClose;
  }

  /** Registers the listener on {@code consumer} (configured, not started) and starts it. */
  static RocketMqSubscription start(SubscriptionSpec spec, DefaultMQPushConsumer consumer, Deliveries deliveries,
      dev.rocketport.messaging.RetryLadder ladder, Runnable onClose) throws Exception {
    if (spec.ordering() == dev.rocketport.messaging.Ordering.ORDERLY) {
      consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
        if (!(deliveries.handle(messages) instanceof Disposition.Redeliver redeliver)) {
          return ConsumeOrderlyStatus.SUCCESS;
        }
        redeliver.delay().forEach(d -> context.setSuspendCurrentQueueTimeMillis(Math.max(10, d.toMillis())));
        return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
      });
    } else {
      consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
        if (!(deliveries.handle(messages) instanceof Disposition.Redeliver redeliver)) {
          return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        }
        redeliver.delay().forEach(d -> context.setDelayLevelWhenNextConsume(WireRules.levelAtLeast(ladder, d)));
        return ConsumeConcurrentlyStatus.RECONSUME_LATER;
      });
    }
    consumer.start();
    return new RocketMqSubscription(spec, consumer, deliveries.gate(), onClose);
  }

  /**
   * One step of joining the group promptly; returns whether it is complete. The client learns a
   * topic's route only at its next route poll (every 30 s by default), and a new group's retry topic
   * comes into being only with the consumer's first heartbeat, after the client started — so without
   * this a new group's first retries wait for that poll. Each step fetches the retry topic's route;
   * once the client has it (at once in broadcasting, which has no retry topic) it rebalances at once.
   */
  boolean joinPromptly() {
    if (!active.get()) {
      return true;
    }
    if (spec.deliveryMode() == DeliveryMode.CLUSTERING
        && !ClientInternals.learnRoute(consumer, MixAll.getRetryTopic(consumer.getConsumerGroup()))) {
      return false;
    }
    ClientInternals.rebalanceNow(consumer);
    return true;
  }

  /**
   * Housekeeping the subscriber runs every {@link dev.rocketport.rocketmq.client.Clients#OFFSET_PERSIST_INTERVAL}, on one thread:
   * <ul>
   *   <li>sends the offsets acknowledged so far to the broker (the client itself starts only ten
   *       seconds after it starts), so a crash redelivers at most that interval's acknowledged
   *       messages;
   *   <li>makes sure the broker holds this member's latest subscription. Each rebalance that changes
   *       the member's queues raises its subscription version and the client announces it with a
   *       heartbeat — but only if no other heartbeat holds the client's lock at that moment; if one
   *       does, the broker refuses the member's pulls as "subscription not latest" until the next
   *       periodic heartbeat, 30 s later. A version newer than the last one announced here is
   *       announced at once.
   * </ul>
   */
  void keepUp() {
    if (!active.get()) {
      return;
    }
    ClientInternals.persistOffsets(consumer);
    long latest = ClientInternals.subscriptionVersion(consumer);
    if (latest > announcedVersion && ClientInternals.heartbeat(consumer)) {
      announcedVersion = latest;
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

  /** Suspends the consumer's pulls; the gate holds what a pull already fetched (a long poll answered later). */
  @Override
  public void pause() {
    if (active.get()) {
      gate.pause();
      consumer.suspend();
    }
  }

  @Override
  public void resume() {
    if (active.get()) {
      consumer.resume();
    }
    gate.resume();
  }

  @Override
  public boolean isPaused() {
    return gate.isPaused();
  }

  @Override
  public void close() {
    if (!active.compareAndSet(true, false)) {
      return;
    }
    // held handler threads give their messages back (as retries) before the consumer waits for them
    gate.close();
    try {
      consumer.shutdown();
    } finally {
      onClose.run();
    }
  }
}
