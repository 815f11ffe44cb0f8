package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.Broker;
import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.inmemory.broker.InMemoryConfig;
import dev.rocketport.inmemory.broker.Simulator;
import org.jspecify.annotations.Nullable;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Requester;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.messaging.health.Health;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.spi.AbstractMessaging;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory adapter's runtime: every port, on an {@link InMemoryBroker} (a faithful single-JVM
 * model of RocketMQ: queues, consumer groups, retries, dead letters, orderly suspension,
 * transactions, delays, tag filters, key index). No network, no disk.
 *
 * <p>{@link #virtualClock()}, {@link #wallClock()} and {@link #simulated} create a runtime that owns
 * a broker of its own and closes it on {@link #close()}; {@link #connect(InMemoryBroker)} creates more runtimes on a
 * shared broker. Thread-safe; {@link #close()} as for {@link dev.rocketport.messaging.Messaging}.
 */
public final class InMemoryMessaging extends AbstractMessaging<InMemoryTransactionalPublisher> {
  private static final EnumSet<Feature> FEATURES = EnumSet.allOf(Feature.class);

  private final InMemoryBroker owner;
  private final boolean ownsBroker;
  private final Broker broker;
  /** Where callbacks run: threads of their own, or in a simulation its driver. */
  private final Executor callbacks;
  private final @Nullable ExecutorService callbackThreads;
  private final InMemoryPublisher publisher;
  private final InMemoryAdmin admin;
  private final InMemorySubscriber subscriber;
  private final InMemoryRequester requester;

  private InMemoryMessaging(InMemoryBroker owner, boolean ownsBroker, Interceptors interceptors) {
    super(capabilities(owner.broker.config()), owner.broker::now, interceptors);
    this.owner = owner;
    this.ownsBroker = ownsBroker;
    this.broker = owner.broker;
    Simulator simulator = broker.simulator();
    this.callbackThreads = simulator != null ? null : Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "rocketport-inmemory-callback");
      t.setDaemon(true);
      return t;
    });
    this.callbacks = simulator != null ? simulator : java.util.Objects.requireNonNull(callbackThreads);
    this.publisher = new InMemoryPublisher(context(), broker, callbacks);
    this.admin = new InMemoryAdmin(context(), broker);
    this.subscriber = new InMemorySubscriber(context(), broker);
    this.requester = new InMemoryRequester(context(), broker);
  }

  private static Capabilities capabilities(InMemoryConfig config) {
    return new Capabilities("in-memory", FEATURES, config.maxMessageSize(), config.maxDelay(), config.retryLadder());
  }

  /** A runtime with its own broker on a virtual clock, with RocketMQ's defaults. */
  public static InMemoryMessaging virtualClock() {
    return virtualClock(InMemoryConfig.defaults());
  }

  public static InMemoryMessaging virtualClock(InMemoryConfig config) {
    return virtualClock(config, Interceptors.none());
  }

  /** A runtime with its own broker on a virtual clock, applying {@code interceptors}. */
  public static InMemoryMessaging virtualClock(InMemoryConfig config, Interceptors interceptors) {
    return new InMemoryMessaging(InMemoryBroker.virtualClock(config), true, interceptors);
  }

  /** A runtime with its own broker on the system clock, with RocketMQ's defaults. */
  public static InMemoryMessaging wallClock() {
    return wallClock(InMemoryConfig.defaults());
  }

  public static InMemoryMessaging wallClock(InMemoryConfig config) {
    return wallClock(config, Interceptors.none());
  }

  /** A runtime with its own broker on the system clock, applying {@code interceptors}. */
  public static InMemoryMessaging wallClock(InMemoryConfig config, Interceptors interceptors) {
    return new InMemoryMessaging(InMemoryBroker.wallClock(config), true, interceptors);
  }

  /**
   * A runtime with its own simulated broker: RocketMQ's defaults, a virtual clock, {@code plan}'s
   * faults and the order of handler calls all decided by {@code seed} (see {@link InMemoryBroker#simulated}).
   */
  public static InMemoryMessaging simulated(long seed, FaultPlan plan) {
    return new InMemoryMessaging(InMemoryBroker.simulated(seed, plan), true, Interceptors.none());
  }

  /** A new client runtime on {@code broker}; closing it leaves the broker running. */
  public static InMemoryMessaging connect(InMemoryBroker broker) {
    return connect(broker, Interceptors.none());
  }

  /** As {@link #connect(InMemoryBroker)}, applying {@code interceptors}. */
  public static InMemoryMessaging connect(InMemoryBroker broker, Interceptors interceptors) {
    return new InMemoryMessaging(InvalidArgumentException.requireNonNull(broker, "broker"), false, interceptors);
  }

  /** The broker this runtime is connected to: its clock, quiescence and journal. */
  public InMemoryBroker broker() {
    return owner;
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
  protected InMemoryTransactionalPublisher newTransactionalPublisher(ProducerGroup group, TransactionChecker checker) {
    return new InMemoryTransactionalPublisher(context(), broker, callbacks, checker);
  }

  @Override
  public Subscriber subscriber() {
    return subscriber;
  }

  @Override
  public Requester requester() {
    return requester;
  }

  @Override
  public MessagingAdmin admin() {
    return admin;
  }

  @Override
  protected List<Health.Component> adapterHealth() {
    List<Health.Component> components = new ArrayList<>();
    components.add(new Health.Component("in-memory broker", Health.Status.UP,
        broker.isVirtualClock() ? "in this JVM, virtual clock at " + broker.now() : "in this JVM, wall clock"));
    components.addAll(subscriber.health());
    return components;
  }

  @Override
  protected void closeResources() {
    requester.closeWaiting();
    subscriber.closeAll();
    if (callbackThreads != null) {
      callbackThreads.shutdown();
      try {
        callbackThreads.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      broker.awaitQuiescence(); // a simulation's pending callbacks run now, as threads would finish theirs
    }
    if (ownsBroker) {
      owner.close();
    }
  }
}
