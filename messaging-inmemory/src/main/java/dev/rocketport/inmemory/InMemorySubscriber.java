package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.Broker;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.AbstractSubscriber;
import dev.rocketport.messaging.spi.AdapterContext;
import dev.rocketport.messaging.spi.GuardedHandler;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory {@link dev.rocketport.messaging.Subscriber}: beyond {@link AbstractSubscriber}'s checks, refuses a topic the
 * broker lacks, then adds an {@link InMemorySubscription} to its group and dispatches. Thread-safe;
 * {@link #closeAll()} closes what it started.
 */
final class InMemorySubscriber extends AbstractSubscriber {
  private final Broker broker;
  private final List<InMemorySubscription> subscriptions = new ArrayList<>();

  InMemorySubscriber(AdapterContext context, Broker broker) {
    super(context);
    this.broker = broker;
  }

  @Override
  protected Subscription startMember(SubscriptionSpec spec, GuardedHandler handler, boolean single,
      Runnable leaveGroup) {
    if (!broker.topicExists(spec.topic().name())) {
      throw new InvalidArgumentException("topic", "'" + spec.topic() + "' does not exist");
    }
    SubscriptionSpec effective = single ? withoutBatch(spec) : spec;
    InMemorySubscription member = new InMemorySubscription(broker, effective, handler, gateFor(spec, broker::endWork, broker::beginWork),
        single,
        leaveGroup);
    try {
      broker.join(member);
    } catch (IllegalStateException | InvalidArgumentException e) {
      member.close();
      throw e;
    }
    synchronized (subscriptions) {
      subscriptions.removeIf(s -> !s.isActive());
      subscriptions.add(member);
    }
    return member;
  }

  private static SubscriptionSpec withoutBatch(SubscriptionSpec s) {
    return s.batchSize().isEmpty() ? s : new SubscriptionSpec(s.topic(), s.group(), s.filter(), s.deliveryMode(),
        s.ordering(), s.concurrency(), s.maxRetries(), Option.none(), s.closeTimeout(), s.middleware(),
        s.startFrom(), s.handlerTimeout(), s.failurePolicy(), s.circuitBreaker(),
        s.rateLimit());
  }

  /** Closes every subscription still open, each waiting for its handlers. */
  void closeAll() {
    List<InMemorySubscription> toClose;
    synchronized (subscriptions) {
      toClose = List.copyOf(subscriptions);
      subscriptions.clear();
    }
    toClose.forEach(InMemorySubscription::close);
  }

  @Override
  protected void after(Duration delay, Runnable action) {
    broker.after(delay, action);
  }
}
