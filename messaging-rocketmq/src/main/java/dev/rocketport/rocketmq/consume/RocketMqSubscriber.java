package dev.rocketport.rocketmq.consume;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.AbstractSubscriber;
import dev.rocketport.messaging.spi.AdapterContext;
import dev.rocketport.messaging.spi.FilterSyntax;
import dev.rocketport.messaging.spi.GuardedHandler;
import dev.rocketport.messaging.spi.PauseGate;
import dev.rocketport.rocketmq.client.Clients;
import dev.rocketport.rocketmq.client.MessageMapping;
import dev.rocketport.rocketmq.client.RouteProbe;
import dev.rocketport.rocketmq.client.StartFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.MQAdmin;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;

/**
 * Starts push-consumer subscriptions; has each join its group promptly
 * ({@link RocketMqSubscription#joinPromptly}) and keeps each up
 * ({@link RocketMqSubscription#keepUp}: offsets to the broker, latest subscription announced) every
 * {@link Clients#OFFSET_PERSIST_INTERVAL} from the moment it starts. Beyond {@link AbstractSubscriber}'s
 * checks (members of one group in this runtime subscribe alike; other processes cannot be checked),
 * fails fast on a missing topic or an unreachable name server. Thread-safe.
 */
public final class RocketMqSubscriber extends AbstractSubscriber implements Subscriber {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RocketMqSubscriber.class);
  /** How often, and for how long, a new subscription looks for its retry topic's route. */
  private static final Duration JOIN_STEP = Duration.ofMillis(200);
  private static final Duration JOIN_PATIENCE = Duration.ofSeconds(30);

  private final Clients clients;
  private final MessageMapping mapping;
  private final RouteProbe routes;
  private final SubscribeAccess access;
  /** Parks rejected messages ({@link Rejections}). */
  private final DefaultMQProducer producer;
  /** Reads queues' offsets where new subscriptions start ({@link StartingOffsets}). */
  private final MQAdmin offsets;
  private final dev.rocketport.messaging.RetryLadder retryLadder;
  private final List<RocketMqSubscription> open = new ArrayList<>();
  /** Keeps subscriptions up ({@link RocketMqSubscription#keepUp}) and completes prompt joins; its tasks are short client calls. */
  private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "rocketport-subscriber-housekeeping");
    t.setDaemon(true);
    return t;
  });

  public RocketMqSubscriber(AdapterContext context, Clients clients, MessageMapping mapping, RouteProbe routes,
      SubscribeAccess access, DefaultMQProducer producer, MQAdmin offsets) {
    super(context);
    this.producer = producer;
    this.offsets = offsets;
    this.retryLadder = context.capabilities().retryLadder();
    this.clients = clients;
    this.mapping = mapping;
    this.routes = routes;
    this.access = access;
    long interval = Clients.OFFSET_PERSIST_INTERVAL.toMillis();
    housekeeping.scheduleWithFixedDelay(this::keepUp, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** Repeats {@link RocketMqSubscription#joinPromptly} until it completes or the deadline passes. */
  private void joinPromptly(RocketMqSubscription subscription, long deadline) {
    try {
      housekeeping.schedule(() -> {
        if (!subscription.joinPromptly() && System.nanoTime() < deadline) {
          joinPromptly(subscription, deadline);
        }
      }, JOIN_STEP.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // the runtime is closing: nothing left to join
    }
  }

  private void keepUp() {
    List<RocketMqSubscription> active;
    synchronized (this) {
      active = new ArrayList<>(open);
    }
    for (RocketMqSubscription subscription : active) {
      try {
        subscription.keepUp();
      } catch (RuntimeException e) {
        // a member closing under our feet; the next round sees it inactive
        LOG.debug("housekeeping of group {} failed", subscription.spec().group(), e);
      }
    }
  }

  @Override
  protected Subscription startMember(SubscriptionSpec spec, GuardedHandler handler, boolean single,
      Runnable leaveGroup) {
    String physicalGroup = clients.physical(spec.group().name());
    if (physicalGroup.length() > ConsumerGroup.MAX_LENGTH) {
      throw new InvalidArgumentException("group", "'" + physicalGroup + "' (with the namespace) is longer than "
          + ConsumerGroup.MAX_LENGTH + " characters");
    }
    var route = routes.route(spec.topic()).getOrElseThrow(e -> e instanceof RouteProbe.NoBrokerRegistered
        ? new IllegalStateException("cannot subscribe to '" + spec.topic() + "': " + e.getMessage())
        : StartFailures.of("cannot subscribe: name server " + clients.config().nameServer() + " unreachable", e));
    if (route.isEmpty()) {
      throw new InvalidArgumentException("topic", "'" + spec.topic() + "' does not exist");
    }
    access.require(spec, route.get());
    try {
      DefaultMQPushConsumer consumer = configure(spec, single);
      StartingOffsets.install(spec, consumer, offsets, route.get(), clients.physical(spec.topic().name()));
      // the wall clock moves on by itself: nothing to tell it when a thread waits at the gate
      PauseGate gate = gateFor(spec, () -> { }, () -> { });
      Deliveries deliveries = new Deliveries(spec, new HandlerInvoker(spec, handler, mapping), gate,
          new Rejections(producer, physicalGroup, spec), new Replies(producer, spec));
      RocketMqSubscription subscription = RocketMqSubscription.start(spec, consumer, deliveries, retryLadder,
          leaveGroup);
      synchronized (this) {
        open.removeIf(s -> !s.isActive());
        open.add(subscription);
      }
      joinPromptly(subscription, System.nanoTime() + JOIN_PATIENCE.toNanos());
      return subscription;
    } catch (Exception e) {
      throw StartFailures.of("could not start the consumer of group " + spec.group(), e);
    }
  }

  private DefaultMQPushConsumer configure(SubscriptionSpec spec, boolean single) throws Exception {
    DefaultMQPushConsumer consumer = clients.pushConsumer(spec.group().name());
    String topic = clients.physical(spec.topic().name());
    if (spec.filter() instanceof Filter.Sql sql) {
      consumer.subscribe(topic, MessageSelector.bySql(sql.expression()));
    } else {
      consumer.subscribe(topic, FilterSyntax.of(spec.filter()));
    }
    consumer.setMessageModel(spec.deliveryMode() == DeliveryMode.BROADCASTING ? MessageModel.BROADCASTING
        : MessageModel.CLUSTERING);
    // StartingOffsets answers where a queue without an offset starts; the client's own setting is never consulted
    consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    consumer.setConsumeThreadMin(spec.concurrency());
    consumer.setConsumeThreadMax(spec.concurrency());
    int batch = single ? 1 : spec.batchSize().getOrElse(1);
    consumer.setConsumeMessageBatchMaxSize(batch);
    consumer.setPullBatchSize(Math.max(32, batch));
    consumer.setMaxReconsumeTimes(spec.maxRetries());
    consumer.setAwaitTerminationMillisWhenShutdown(spec.closeTimeout().toMillis());
    return consumer;
  }

  /** Closes every subscription still open (each waits for its handlers and persists its offsets). */
  public void closeAll() {
    housekeeping.shutdown();
    List<RocketMqSubscription> toClose;
    synchronized (this) {
      toClose = new ArrayList<>(open);
      open.clear();
    }
    toClose.forEach(RocketMqSubscription::close);
  }

  @Override
  protected void after(Duration delay, Runnable action) {
    try {
      housekeeping.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      LOG.debug("the subscriber is closing; a circuit breaker's or rate limit's timer is dropped");
    }
  }
}
