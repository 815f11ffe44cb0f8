package dev.rocketport.rocketmq;

import dev.rocketport.messaging.BatchMessageHandler;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.spi.SubscribeChecks;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;

/**
 * Starts push-consumer subscriptions; has each join its group promptly
 * ({@link RocketMqSubscription#joinPromptly}) and keeps each up
 * ({@link RocketMqSubscription#keepUp}: offsets to the broker, latest subscription announced) every
 * {@link Clients#OFFSET_PERSIST_INTERVAL} from the moment it starts. Fails fast on an invalid spec, an unsupported feature, a
 * missing topic or an unreachable name server. Members of one group in this runtime must subscribe
 * alike (RocketMQ misbehaves silently otherwise); other processes cannot be checked. Thread-safe.
 */
final class RocketMqSubscriber implements Subscriber {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RocketMqSubscriber.class);
  /** How often, and for how long, a new subscription looks for its retry topic's route. */
  private static final Duration JOIN_STEP = Duration.ofMillis(200);
  private static final Duration JOIN_PATIENCE = Duration.ofSeconds(30);

  private record Shape(String topic, Filter filter, DeliveryMode mode, dev.rocketport.messaging.Ordering ordering) {}

  private final Clients clients;
  private final MessageMapping mapping;
  private final RouteProbe routes;
  private final Capabilities capabilities;
  private final BooleanSupplier closed;
  private final Map<String, Shape> shapes = new HashMap<>();
  private final Map<String, Integer> members = new HashMap<>();
  private final List<RocketMqSubscription> open = new ArrayList<>();
  /** Keeps subscriptions up ({@link RocketMqSubscription#keepUp}) and completes prompt joins; its tasks are short client calls. */
  private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "rocketport-subscriber-housekeeping");
    t.setDaemon(true);
    return t;
  });

  RocketMqSubscriber(Clients clients, MessageMapping mapping, RouteProbe routes, Capabilities capabilities,
      BooleanSupplier closed) {
    this.clients = clients;
    this.mapping = mapping;
    this.routes = routes;
    this.capabilities = capabilities;
    this.closed = closed;
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
  public Subscription subscribe(SubscriptionSpec spec, MessageHandler handler) {
    SubscribeChecks.check(spec, handler, capabilities, closed.getAsBoolean());
    return start(spec, messages -> handler.handle(messages.get(0)), true);
  }

  @Override
  public Subscription subscribeBatch(SubscriptionSpec spec, BatchMessageHandler handler) {
    SubscribeChecks.check(spec, handler, capabilities, closed.getAsBoolean());
    return start(spec, handler, false);
  }

  private Subscription start(SubscriptionSpec spec, BatchMessageHandler handler, boolean single) {
    String physicalGroup = clients.physical(spec.group().name());
    if (physicalGroup.length() > ConsumerGroup.MAX_LENGTH) {
      throw new InvalidArgumentException("group", "'" + physicalGroup + "' (with the namespace) is longer than "
          + ConsumerGroup.MAX_LENGTH + " characters");
    }
    var route = routes.route(spec.topic()).getOrElseThrow(e -> StartFailures.of(
        "cannot subscribe: name server " + clients.config().nameServer() + " unreachable", e));
    if (route.isEmpty()) {
      throw new InvalidArgumentException("topic", "'" + spec.topic() + "' does not exist");
    }
    join(spec);
    try {
      DefaultMQPushConsumer consumer = configure(spec, single);
      RocketMqSubscription subscription = RocketMqSubscription.start(spec, consumer,
          new HandlerInvoker(spec, handler, mapping), capabilities.retryLadder(), () -> leave(spec));
      synchronized (this) {
        open.removeIf(s -> !s.isActive());
        open.add(subscription);
      }
      joinPromptly(subscription, System.nanoTime() + JOIN_PATIENCE.toNanos());
      return subscription;
    } catch (Exception e) {
      leave(spec);
      throw StartFailures.of("could not start the consumer of group " + spec.group(), e);
    }
  }

  private DefaultMQPushConsumer configure(SubscriptionSpec spec, boolean single) throws Exception {
    DefaultMQPushConsumer consumer = clients.pushConsumer(spec.group().name());
    String topic = clients.physical(spec.topic().name());
    if (spec.filter() instanceof Filter.Sql sql) {
      consumer.subscribe(topic, MessageSelector.bySql(sql.expression()));
    } else {
      consumer.subscribe(topic, spec.filter().expression());
    }
    consumer.setMessageModel(spec.deliveryMode() == DeliveryMode.BROADCASTING ? MessageModel.BROADCASTING
        : MessageModel.CLUSTERING);
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

  private synchronized void join(SubscriptionSpec spec) {
    Shape shape = new Shape(spec.topic().name(), spec.filter(), spec.deliveryMode(), spec.ordering());
    String group = spec.group().name();
    Shape existing = shapes.get(group);
    if (existing != null && !existing.equals(shape)) {
      throw new IllegalStateException("consumer group '" + group + "' is subscribed as " + existing
          + "; every member must subscribe the same way, but got " + shape);
    }
    shapes.put(group, shape);
    members.merge(group, 1, Integer::sum);
  }

  private synchronized void leave(SubscriptionSpec spec) {
    String group = spec.group().name();
    if (members.merge(group, -1, Integer::sum) <= 0) {
      members.remove(group);
      shapes.remove(group);
    }
  }

  /** Closes every subscription still open (each waits for its handlers and persists its offsets). */
  void closeAll() {
    housekeeping.shutdown();
    List<RocketMqSubscription> toClose;
    synchronized (this) {
      toClose = new ArrayList<>(open);
      open.clear();
    }
    toClose.forEach(RocketMqSubscription::close);
  }
}
