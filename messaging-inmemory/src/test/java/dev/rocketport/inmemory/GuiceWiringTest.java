package dev.rocketport.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.util.Modules;
import dev.rocketport.guice.MessagingLifecycle;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionOutcome;
import dev.rocketport.messaging.TransactionalPublisher;
import dev.rocketport.messaging.admin.MessagingAdmin;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** An application wired only against ports; the test installs the in-memory adapter. */
class GuiceWiringTest {
  static final Topic ORDERS = Topic.of("orders");

  /** Application code: depends on ports only. */
  static final class OrderService {
    private final Publisher publisher;

    @Inject
    OrderService(Publisher publisher) {
      this.publisher = publisher;
    }

    Either<PublishFailure, SendReceipt> placeOrder(String id) {
      return publisher.send(Message.builder(ORDERS).body("order " + id).key(id).tag("created").build());
    }
  }

  /** Application code: a listener that records what it handled. */
  static final class OrderListener {
    final List<String> handled = new CopyOnWriteArrayList<>();
    private final Subscriber subscriber;

    @Inject
    OrderListener(Subscriber subscriber) {
      this.subscriber = subscriber;
    }

    Subscription start() {
      return subscriber.subscribe(SubscriptionSpec.builder(ORDERS, ConsumerGroup.of("billing")).build(), m -> {
        handled.add(m.bodyAsString());
        return HandlerResult.success();
      });
    }
  }

  /** The application's own module: binds its services, knows nothing of adapters. */
  static final class ApplicationModule extends AbstractModule {
    @Override
    protected void configure() {
      bind(OrderService.class);
      bind(OrderListener.class).asEagerSingleton();
    }
  }

  @Test
  void applicationRunsOnTheInMemoryAdapterInstalledInOneLine() {
    InMemoryMessaging messaging = InMemoryMessaging.virtualClock();
    Injector injector = Guice.createInjector(new ApplicationModule(), InMemoryMessagingModule.using(messaging));
    MessagingLifecycle lifecycle = injector.getInstance(MessagingLifecycle.class);
    injector.getInstance(MessagingAdmin.class).createTopic(ORDERS, 4).get();
    OrderListener listener = injector.getInstance(OrderListener.class);
    lifecycle.register(listener.start());

    assertTrue(injector.getInstance(OrderService.class).placeOrder("A-1").isRight());
    messaging.broker().awaitQuiescence();
    assertEquals(List.of("order A-1"), listener.handled);

    lifecycle.close();
    assertTrue(injector.getInstance(OrderService.class).placeOrder("A-2").getLeft() instanceof PublishFailure.Closed);
  }

  @Test
  void nullArgumentsAreInvalidArgumentsNamingThem() {
    assertEquals("messaging", assertThrows(dev.rocketport.messaging.InvalidArgumentException.class,
        () -> InMemoryMessagingModule.using(null)).field());
    assertEquals("messaging", assertThrows(dev.rocketport.messaging.InvalidArgumentException.class,
        () -> new MessagingLifecycle(null)).field());
  }

  @Test
  void everyPortIsASingletonFromTheSameRuntime() {
    Injector injector = Guice.createInjector(new InMemoryMessagingModule());
    assertSame(injector.getInstance(Publisher.class), injector.getInstance(Publisher.class));
    assertSame(injector.getInstance(dev.rocketport.messaging.Messaging.class).publisher(),
        injector.getInstance(Publisher.class));
    injector.getInstance(MessagingLifecycle.class).close();
  }

  @Test
  void swappingAdaptersWithModulesOverride() {
    InMemoryMessaging testRuntime = InMemoryMessaging.virtualClock();
    // Production wiring would be new RocketMqMessagingModule(config); a test overrides it in one line:
    Injector injector = Guice.createInjector(
        Modules.override(new ApplicationModule(), new InMemoryMessagingModule())
            .with(InMemoryMessagingModule.using(testRuntime)));
    assertSame(testRuntime.publisher(), injector.getInstance(Publisher.class));
    injector.getInstance(MessagingLifecycle.class).close();
  }

  @Test
  void transactionalPublisherNeedsABoundChecker() {
    Injector without = Guice.createInjector(new InMemoryMessagingModule());
    var e = assertThrows(ProvisionException.class, () -> without.getInstance(TransactionalPublisher.class));
    assertTrue(e.getMessage().contains("TransactionChecker"), e.getMessage());
    without.getInstance(MessagingLifecycle.class).close();

    Injector with = Guice.createInjector(new InMemoryMessagingModule(), new AbstractModule() {
      @Override
      protected void configure() {
        bind(TransactionChecker.class).toInstance(check -> TransactionOutcome.COMMIT);
      }
    });
    assertTrue(with.getInstance(TransactionalPublisher.class) != null);
    with.getInstance(MessagingLifecycle.class).close();
  }
}
