package dev.rocketport.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionOutcome;
import dev.rocketport.messaging.TransactionalPublisher;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import dev.rocketport.messaging.interception.PublishInterceptor;
import dev.rocketport.spring.listener.RocketportListener;
import dev.rocketport.testing.Waiting;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** What the auto-configuration wires, on the in-memory adapter: ports, listeners of every signature, beans that back off or contribute. */
class WiringTest {
  private static final List<String> IN_MEMORY = List.of("rocketport.adapter=inmemory",
      "rocketport.topics[0].name=orders", "rocketport.topics[1].name=receipts");
  private static final Duration BUDGET = Duration.ofSeconds(30);
  private static final Topic ORDERS = Topic.of("orders");

  private static void await(String what, java.util.function.BooleanSupplier condition) {
    assertTrue(Waiting.wallClock().awaitUntil(condition, BUDGET), "timed out waiting for " + what);
  }

  /** A listener of every signature. */
  static class Listeners {
    final List<String> strings = new CopyOnWriteArrayList<>();
    final List<Integer> bytes = new CopyOnWriteArrayList<>();
    final List<Integer> batches = new CopyOnWriteArrayList<>();
    final List<Payment> payments = new CopyOnWriteArrayList<>();
    final List<String> stamps = new CopyOnWriteArrayList<>();

    @RocketportListener(topic = "orders", group = "as-string")
    void text(String body) {
      strings.add(body);
    }

    @RocketportListener(topic = "orders", group = "as-bytes")
    HandlerResult raw(byte[] body) {
      bytes.add(body.length);
      return HandlerResult.success();
    }

    @RocketportListener(topic = "orders", group = "as-batch", batchSize = 8)
    void batch(List<ReceivedMessage> messages) {
      batches.add(messages.size());
    }

    @RocketportListener(topic = "orders", group = "as-json", maxRetries = 0)
    void json(Payment payment) {
      payments.add(payment);
    }

    @RocketportListener(topic = "orders", group = "refusing", rejectOn = IllegalArgumentException.class)
    void refuse(String body) {
      throw new IllegalArgumentException("refused " + body);
    }

    @RocketportListener(topic = "orders", group = "as-received", rateLimit = "1000")
    void received(ReceivedMessage message) {
      message.header("x-stamp").forEach(stamps::add);
    }
  }

  /** A JSON payload. */
  record Payment(String id, int cents) {}

  /** Middleware and an interceptor defined as beans. */
  static class Interception {
    static final AtomicInteger HANDLED = new AtomicInteger();

    @Bean
    HandlerMiddleware counting() {
      return (context, messages, next) -> {
        HANDLED.addAndGet(messages.size());
        return next.handle(messages);
      };
    }

    @Bean
    PublishInterceptor stamping() {
      return new PublishInterceptor() {
        @Override
        public Either<PublishFailure.Refused, Message> beforePublish(Message message,
            dev.rocketport.messaging.interception.PublishMode mode) {
          return Either.right(message.toBuilder().header("x-stamp", "stamped").build());
        }
      };
    }
  }

  @Test
  void listenersOfEverySignatureReceiveAndBeansContribute() {
    try (ConfigurableApplicationContext context = Contexts.start(IN_MEMORY, Listeners.class, Interception.class)) {
      Listeners listeners = context.getBean(Listeners.class);
      Publisher publisher = context.getBean(Publisher.class);
      int before = Interception.HANDLED.get();
      publisher.send(Message.of(ORDERS, "{\"id\":\"p-1\",\"cents\":250}")).get();
      publisher.send(Message.of(ORDERS, "not json")).get();
      await("every listener", () -> listeners.strings.size() == 2 && listeners.bytes.size() == 2
          && listeners.batches.stream().mapToInt(Integer::intValue).sum() == 2 && listeners.stamps.size() == 2
          && listeners.payments.size() == 1);
      assertEquals(List.of(new Payment("p-1", 250)), listeners.payments);
      assertEquals(List.of("stamped", "stamped"), listeners.stamps, "the interceptor bean stamped every publish");
      assertTrue(Interception.HANDLED.get() - before >= 10, "the middleware bean saw every handler call");
      MessagingAdmin admin = context.getBean(MessagingAdmin.class);
      await("the undecodable payment dead-lettered", () -> admin.deadLetters(ConsumerGroup.of("as-json"), 10)
          .map(List::size).getOrElse(0) == 1);
      var letter = admin.deadLetters(ConsumerGroup.of("as-json"), 10).get().get(0);
      assertEquals("not json", letter.message().bodyAsString());
      assertTrue(letter.rejectReason().exists(r -> r.contains("undecodable")), letter.toString());
      await("both messages dead-lettered by the rejectOn listener at their first attempt", () -> admin
          .deadLetters(ConsumerGroup.of("refusing"), 10).map(List::size).getOrElse(0) == 2);
      assertTrue(admin.deadLetters(ConsumerGroup.of("refusing"), 10).get().stream().allMatch(l -> l.deliveryAttempts() == 1
          && l.rejectReason().exists(r -> r.startsWith("java.lang.IllegalArgumentException: refused"))));
    }
  }

  /** The application's own publisher. */
  static class OwnPublisher {
    static final Publisher MINE = new Publisher() {
      @Override
      public Either<PublishFailure, SendReceipt> send(Message message) {
        return Either.left(new PublishFailure.Refused("mine", "test"));
      }

      @Override
      public java.util.concurrent.CompletionStage<Either<PublishFailure, SendReceipt>> sendAsync(Message message) {
        return java.util.concurrent.CompletableFuture.completedFuture(send(message));
      }

      @Override
      public Either<PublishFailure, dev.rocketport.messaging.Dispatched> sendOneway(Message message) {
        return Either.left(new PublishFailure.Refused("mine", "test"));
      }

      @Override
      public dev.rocketport.messaging.BatchResult sendBatch(List<Message> messages) {
        throw new UnsupportedOperationException("not used by this test");
      }
    };

    @Bean
    Publisher publisher() {
      return MINE;
    }
  }

  @Test
  void beansBackOffWhenTheApplicationDefinesItsOwn() {
    try (ConfigurableApplicationContext context = Contexts.start(IN_MEMORY, OwnPublisher.class)) {
      assertSame(OwnPublisher.MINE, context.getBean(Publisher.class));
      assertFalse(context.getBean(OrderedPublisher.class) instanceof Publisher, "the ordered port is only that");
      assertTrue(context.getBeansOfType(TransactionalPublisher.class).isEmpty(), "no checker, no transactional publisher");
    }
  }

  /** A transaction checker, which makes the transactional publisher available. */
  static class Checker {
    @Bean
    TransactionChecker checker() {
      return check -> TransactionOutcome.COMMIT;
    }
  }

  @Test
  void aTransactionCheckerBeanBringsTheTransactionalPublisher() {
    try (ConfigurableApplicationContext context = Contexts.start(IN_MEMORY, Checker.class)) {
      var result = context.getBean(TransactionalPublisher.class)
          .sendInTransaction(Message.of(ORDERS, "paid"), (message, id) -> TransactionOutcome.COMMIT);
      assertEquals(TransactionOutcome.COMMIT, result.get().outcome());
    }
  }

  /** A handler that is still running when the context closes, and publishes when it finishes. */
  static class SlowHandler {
    final CountDownLatch running = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicReference<Either<PublishFailure, SendReceipt>> publishedAtTheEnd = new AtomicReference<>();
    final Publisher publisher;

    SlowHandler(Publisher publisher) {
      this.publisher = publisher;
    }

    @RocketportListener(topic = "orders", group = "slow")
    void handle(String body) throws InterruptedException {
      running.countDown();
      if (release.await(30, TimeUnit.SECONDS)) {
        publishedAtTheEnd.set(publisher.send(Message.of(Topic.of("receipts"), "done: " + body)));
      }
    }
  }

  @Test
  void closingWaitsForRunningHandlersWhosePublishesStillSucceed() throws Exception {
    ConfigurableApplicationContext context = Contexts.start(IN_MEMORY, SlowHandler.class);
    SlowHandler slow = context.getBean(SlowHandler.class);
    Messaging messaging = context.getBean(Messaging.class);
    context.getBean(Publisher.class).send(Message.of(ORDERS, "order")).get();
    assertTrue(slow.running.await(30, TimeUnit.SECONDS), "the handler started");
    Thread closer = new Thread(context::close);
    closer.start();
    await("the subscription to be closing", () -> messaging.healthCheck().check().components().stream()
        .noneMatch(c -> c.name().startsWith("subscription slow ")));
    slow.release.countDown();
    closer.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(closer.isAlive(), "close returned");
    assertTrue(slow.publishedAtTheEnd.get() != null && slow.publishedAtTheEnd.get().isRight(),
        () -> "the handler's publish during shutdown succeeded: " + slow.publishedAtTheEnd.get());
    assertInstanceOf(PublishFailure.Closed.class,
        messaging.publisher().send(Message.of(ORDERS, "after")).getLeft());
  }
}
