package dev.rocketport.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Requester;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionalPublisher;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.messaging.health.HealthCheck;
import dev.rocketport.messaging.interception.CircuitListener;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.interception.PublishInterceptor;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds every port, as a singleton, from the {@link Messaging} runtime an adapter module provides,
 * plus a {@link MessagingLifecycle} that closes it. {@link TransactionalPublisher} is available once
 * the application binds a {@link TransactionChecker}; it uses the producer group given here.
 * {@link HandlerMiddleware}, {@link PublishInterceptor}s and {@link CircuitListener}s contributed to the
 * multibinders ({@link #handlerMiddleware}, {@link #publishInterceptors}, {@link #circuitListeners}) apply
 * to the whole runtime.
 * No I/O happens in {@code configure()}: the runtime is created on first injection.
 */
public abstract class MessagingPortsModule extends AbstractModule {
  private final ProducerGroup transactionGroup;

  protected MessagingPortsModule(ProducerGroup transactionGroup) {
    this.transactionGroup = InvalidArgumentException.requireNonNull(transactionGroup, "transactionGroup");
  }

  /** Creates the adapter's runtime applying {@code interceptors}; called once, on first injection. */
  protected abstract Messaging createMessaging(Interceptors interceptors);

  /**
   * The multibinders other modules contribute middleware to, e.g.
   * {@code handlerMiddleware(binder()).addBinding().to(MyMiddleware.class)}. They apply to every
   * subscription and publish of the runtime, in the order the bindings were made.
   */
  public static Multibinder<HandlerMiddleware> handlerMiddleware(Binder binder) {
    return Multibinder.newSetBinder(binder, HandlerMiddleware.class);
  }

  public static Multibinder<PublishInterceptor> publishInterceptors(Binder binder) {
    return Multibinder.newSetBinder(binder, PublishInterceptor.class);
  }

  public static Multibinder<CircuitListener> circuitListeners(Binder binder) {
    return Multibinder.newSetBinder(binder, CircuitListener.class);
  }

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), TransactionChecker.class);
    handlerMiddleware(binder());
    publishInterceptors(binder());
    circuitListeners(binder());
  }

  @Provides
  @Singleton
  Messaging messaging(Set<HandlerMiddleware> handlerMiddleware, Set<PublishInterceptor> publishInterceptors,
      Set<CircuitListener> circuitListeners) {
    return createMessaging(new Interceptors(List.copyOf(handlerMiddleware), List.copyOf(publishInterceptors),
        List.copyOf(circuitListeners)));
  }

  @Provides
  @Singleton
  MessagingLifecycle lifecycle(Messaging messaging) {
    return new MessagingLifecycle(messaging);
  }

  @Provides
  @Singleton
  Publisher publisher(Messaging messaging) {
    return messaging.publisher();
  }

  @Provides
  @Singleton
  OrderedPublisher orderedPublisher(Messaging messaging) {
    return messaging.orderedPublisher();
  }

  @Provides
  @Singleton
  Subscriber subscriber(Messaging messaging) {
    return messaging.subscriber();
  }

  @Provides
  @Singleton
  Requester requester(Messaging messaging) {
    return messaging.requester();
  }

  @Provides
  @Singleton
  MessagingAdmin admin(Messaging messaging) {
    return messaging.admin();
  }

  @Provides
  @Singleton
  Capabilities capabilities(Messaging messaging) {
    return messaging.capabilities();
  }

  @Provides
  @Singleton
  HealthCheck healthCheck(Messaging messaging) {
    return messaging.healthCheck();
  }

  @Provides
  @Singleton
  TransactionalPublisher transactionalPublisher(Messaging messaging, Optional<TransactionChecker> checker) {
    return messaging.transactionalPublisher(transactionGroup, checker.orElseThrow(() -> new IllegalStateException(
        "TransactionalPublisher needs a TransactionChecker: bind one, e.g. "
            + "bind(TransactionChecker.class).to(MyChecker.class)")));
  }
}
