package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionalPublisher;
import dev.rocketport.messaging.health.Health;
import dev.rocketport.messaging.health.HealthCheck;
import dev.rocketport.messaging.interception.Interceptors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The base of an adapter's {@link Messaging} runtime: owns the closed flag its ports consult
 * (in the {@link #context()} handed to each port's base class), the capabilities, the one-publisher-per-producer-group rule of
 * {@link #transactionalPublisher} (after close it throws {@link IllegalStateException}: nothing new
 * starts), the health check (the runtime's own state plus the adapter's {@link #adapterHealth()}),
 * and makes {@link #close()} idempotent: the adapter's {@link #closeResources()} runs once.
 * Thread-safe.
 *
 * @param <T> the adapter's transactional publisher type
 */
public abstract class AbstractMessaging<T extends TransactionalPublisher> implements Messaging {
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Capabilities capabilities;
  private final AdapterContext context;
  private final TransactionalPublishers<T> transactional = new TransactionalPublishers<>();

  /**
   * @param clock the adapter's notion of now (virtual for a broker that drives time)
   * @param interceptors applied to every subscription and publish of this runtime
   */
  protected AbstractMessaging(Capabilities capabilities, Supplier<Instant> clock, Interceptors interceptors) {
    this.capabilities = capabilities;
    this.context = new AdapterContext(capabilities, clock, closed::get,
        InvalidArgumentException.requireNonNull(interceptors, "interceptors"));
  }

  /** What this runtime's ports share: hand it to each port's base class. */
  protected final AdapterContext context() {
    return context;
  }

  @Override
  public final Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public final TransactionalPublisher transactionalPublisher(ProducerGroup group, TransactionChecker checker) {
    if (closed.get()) {
      throw new IllegalStateException("the messaging runtime is closed");
    }
    return transactional.get(group, checker, c -> newTransactionalPublisher(group, c));
  }

  @Override
  public final HealthCheck healthCheck() {
    return this::check;
  }

  private Health check() {
    List<Health.Component> components = new ArrayList<>();
    components.add(new Health.Component("runtime " + capabilities.adapter(),
        closed.get() ? Health.Status.DOWN : Health.Status.UP, closed.get() ? "closed" : "open"));
    if (!closed.get()) {
      components.addAll(adapterHealth());
    }
    return Health.of(java.time.Instant.now(), components);
  }

  /**
   * The adapter's components while the runtime is open: its broker connection (a real check, bounded in
   * time) and its subscriptions ({@link AbstractSubscriber#health()}). Must not throw.
   */
  protected abstract List<Health.Component> adapterHealth();

  @Override
  public final void close() {
    if (closed.compareAndSet(false, true)) {
      closeResources();
    }
  }

  /** Applies {@code action} to every transactional publisher created so far. */
  protected final void forEachTransactionalPublisher(Consumer<T> action) {
    transactional.forEach(action);
  }

  /** Starts the publisher of {@code group}, answering check-backs with {@code checker}; called once per group. */
  protected abstract T newTransactionalPublisher(ProducerGroup group, TransactionChecker checker);

  /**
   * Releases everything, once, in the order {@link Messaging#close()} promises: subscriptions first
   * (waiting for their handlers), then in-flight asynchronous sends, then publishers and admin.
   */
  protected abstract void closeResources();
}
