package dev.rocketport.inmemory;

import dev.rocketport.messaging.BatchMessageHandler;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.MessagingAdmin;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionalPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The in-memory adapter: a faithful single-JVM model of a RocketMQ broker (queues, consumer groups,
 * retries, dead letters, orderly suspension, transactions, delays, tag filters, key index) with
 * every port on top. No network, no disk: messages live as long as this object.
 *
 * <p>On a {@linkplain #virtualClock() virtual clock} time stands still until {@link #advance}
 * moves it, so a two-hour retry ladder runs in milliseconds; {@link #awaitQuiescence()} returns when
 * no handler, asynchronous send or transaction check is running. On the {@linkplain #wallClock()
 * wall clock} timed events happen in real time. Thread-safe; {@link #close()} as for
 * {@link Messaging}.
 */
public final class InMemoryMessaging implements Messaging, Subscriber {
  private static final EnumSet<Feature> FEATURES = EnumSet.complementOf(EnumSet.of(Feature.SQL_FILTER));

  private final Scheduler scheduler;
  private final Broker broker;
  private final Capabilities capabilities;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final BooleanSupplier isClosed = closed::get;
  private final ExecutorService callbacks;
  private final InMemoryPublisher publisher;
  private final InMemoryAdmin admin;
  private final List<InMemorySubscription> subscriptions = new ArrayList<>();
  private final Map<ProducerGroup, InMemoryTransactionalPublisher> transactional = new HashMap<>();

  private InMemoryMessaging(Scheduler scheduler, InMemoryConfig config) {
    this.scheduler = scheduler;
    this.broker = new Broker(scheduler, config);
    this.capabilities = new Capabilities("in-memory", FEATURES, config.maxMessageSize(), config.maxDelay(),
        config.retryLadder());
    this.callbacks = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "rocketport-inmemory-callback");
      t.setDaemon(true);
      return t;
    });
    this.publisher = new InMemoryPublisher(broker, capabilities, isClosed, callbacks);
    this.admin = new InMemoryAdmin(broker, isClosed);
  }

  /** A broker on a virtual clock starting at 2026-01-01T00:00:00Z, with RocketMQ's defaults. */
  public static InMemoryMessaging virtualClock() {
    return virtualClock(InMemoryConfig.defaults());
  }

  public static InMemoryMessaging virtualClock(InMemoryConfig config) {
    return new InMemoryMessaging(Scheduler.virtual(Instant.parse("2026-01-01T00:00:00Z")), config);
  }

  /** A broker on the system clock, with RocketMQ's defaults. */
  public static InMemoryMessaging wallClock() {
    return wallClock(InMemoryConfig.defaults());
  }

  public static InMemoryMessaging wallClock(InMemoryConfig config) {
    return new InMemoryMessaging(Scheduler.wall(), config);
  }

  // ---- time ---------------------------------------------------------------------------------

  /** The broker's current time (virtual or wall). */
  public Instant now() {
    return scheduler.now();
  }

  public boolean isVirtualClock() {
    return scheduler.isVirtual();
  }

  /** Virtual clock only: moves time forward by {@code duration}, running everything that falls due. */
  public void advance(Duration duration) {
    scheduler.advance(duration, broker::awaitQuiescence);
  }

  /**
   * Virtual clock only: runs events in time order until {@code condition} holds or {@code limit} of
   * virtual time has passed; returns whether it holds.
   */
  public boolean advanceUntil(BooleanSupplier condition, Duration limit) {
    Instant end = now().plus(limit);
    while (true) {
      broker.awaitQuiescence();
      if (condition.getAsBoolean()) {
        return true;
      }
      var next = scheduler.nextDue().filter(due -> !due.isAfter(end));
      if (next.isEmpty()) {
        advance(Duration.between(now(), end));
        return condition.getAsBoolean();
      }
      advance(Duration.between(now(), next.get()).isNegative() ? Duration.ZERO
          : Duration.between(now(), next.get()));
    }
  }

  /** Waits until no handler, asynchronous send or transaction check is running. */
  public void awaitQuiescence() {
    broker.awaitQuiescence();
  }

  /** The lifecycle record of messages. */
  public Journal journal() {
    return broker.journal;
  }

  // ---- ports --------------------------------------------------------------------------------

  @Override
  public Publisher publisher() {
    return publisher;
  }

  @Override
  public OrderedPublisher orderedPublisher() {
    return publisher;
  }

  @Override
  public synchronized TransactionalPublisher transactionalPublisher(ProducerGroup group, TransactionChecker checker) {
    if (group == null) {
      throw new InvalidArgumentException("producerGroup", "must not be null");
    }
    if (checker == null) {
      throw new InvalidArgumentException("checker", "a TransactionChecker is required");
    }
    capabilities.require(Feature.TRANSACTIONS, "transactionalPublisher");
    InMemoryTransactionalPublisher existing = transactional.get(group);
    if (existing != null && existing.checker != checker) {
      throw new IllegalStateException("producer group '" + group + "' already has another TransactionChecker");
    }
    return transactional.computeIfAbsent(group,
        g -> new InMemoryTransactionalPublisher(broker, capabilities, isClosed, callbacks, checker));
  }

  @Override
  public Subscriber subscriber() {
    return this;
  }

  @Override
  public MessagingAdmin admin() {
    return admin;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public Subscription subscribe(SubscriptionSpec spec, MessageHandler handler) {
    if (handler == null) {
      throw new InvalidArgumentException("handler", "must not be null");
    }
    return start(spec, messages -> handler.handle(messages.get(0)), true);
  }

  @Override
  public Subscription subscribeBatch(SubscriptionSpec spec, BatchMessageHandler handler) {
    if (handler == null) {
      throw new InvalidArgumentException("handler", "must not be null");
    }
    return start(spec, handler, false);
  }

  private Subscription start(SubscriptionSpec spec, BatchMessageHandler handler, boolean single) {
    if (spec == null) {
      throw new InvalidArgumentException("spec", "must not be null");
    }
    SubscriptionSpec effective = single && spec.batchSize().isDefined() ? withoutBatch(spec) : spec;
    if (spec.filter() instanceof Filter.Sql) {
      capabilities.require(Feature.SQL_FILTER, "subscription of group " + spec.group());
    }
    if (!single && spec.batchSize().exists(b -> b > 1)) {
      capabilities.require(Feature.BATCH_CONSUMPTION, "subscription of group " + spec.group());
    }
    if (closed.get()) {
      throw new IllegalStateException("the messaging runtime is closed");
    }
    if (!broker.topicExists(spec.topic().name())) {
      throw new InvalidArgumentException("topic", "'" + spec.topic() + "' does not exist");
    }
    broker.lock.lock();
    try {
      ConsumerGroupState group = broker.group(spec.group().name());
      InMemorySubscription member = new InMemorySubscription(broker, group, effective, handler);
      try {
        group.join(member);
      } catch (IllegalStateException e) {
        member.close();
        throw e;
      }
      synchronized (subscriptions) {
        subscriptions.add(member);
      }
      broker.pumpAll();
      return member;
    } finally {
      broker.lock.unlock();
    }
  }

  private static SubscriptionSpec withoutBatch(SubscriptionSpec s) {
    return new SubscriptionSpec(s.topic(), s.group(), s.filter(), s.deliveryMode(), s.ordering(), s.concurrency(),
        s.maxRetries(), io.vavr.control.Option.none(), s.closeTimeout());
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<InMemorySubscription> toClose;
    synchronized (subscriptions) {
      toClose = List.copyOf(subscriptions);
    }
    toClose.forEach(InMemorySubscription::close);
    callbacks.shutdown();
    try {
      callbacks.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.stop();
  }
}
