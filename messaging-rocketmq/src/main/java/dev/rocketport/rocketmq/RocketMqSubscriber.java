package dev.rocketport.rocketmq;

import dev.rocketport.messaging.BatchMessageHandler;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.support.SubscribeChecks;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;

/**
 * Starts push-consumer subscriptions. Fails fast on an invalid spec, an unsupported feature, a
 * missing topic or an unreachable name server. Members of one group in this runtime must subscribe
 * alike (RocketMQ misbehaves silently otherwise); other processes cannot be checked. Thread-safe.
 */
final class RocketMqSubscriber implements Subscriber {
  private record Shape(String topic, Filter filter, DeliveryMode mode, dev.rocketport.messaging.Ordering ordering) {}

  private final Clients clients;
  private final MessageMapping mapping;
  private final RouteProbe routes;
  private final Capabilities capabilities;
  private final BooleanSupplier closed;
  private final Map<String, Shape> shapes = new HashMap<>();
  private final Map<String, Integer> members = new HashMap<>();
  private final List<RocketMqSubscription> open = new ArrayList<>();

  RocketMqSubscriber(Clients clients, MessageMapping mapping, RouteProbe routes, Capabilities capabilities,
      BooleanSupplier closed) {
    this.clients = clients;
    this.mapping = mapping;
    this.routes = routes;
    this.capabilities = capabilities;
    this.closed = closed;
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
    var route = routes.route(spec.topic()).getOrElseThrow(e -> new IllegalStateException(
        "cannot subscribe: name server " + clients.config().nameServer() + " unreachable: " + e.getMessage(), e));
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
      return subscription;
    } catch (Exception e) {
      leave(spec);
      throw new IllegalStateException("could not start the consumer of group " + spec.group() + ": "
          + e.getMessage(), e);
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

  /** Closes every subscription still open (each waits for its handlers). */
  void closeAll() {
    List<RocketMqSubscription> toClose;
    synchronized (this) {
      toClose = new ArrayList<>(open);
      open.clear();
    }
    toClose.forEach(RocketMqSubscription::close);
  }
}
