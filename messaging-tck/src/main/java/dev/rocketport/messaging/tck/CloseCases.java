package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.TransactionOutcome;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Close semantics of subscriptions and runtimes. */
public abstract class CloseCases extends TckCases {

  @Test
  @DisplayName("closing a subscription waits for the handler in flight")
  void closeWaitsForInFlight() throws Exception {
    Topic topic = ctx().topic(1);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    Subscription subscription = subscribe(spec(topic), inbox().answering(m -> {
      started.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      finished.set(true);
      return HandlerResult.success();
    }));
    ctx().sent(text(topic, "slow"));
    ctx().await("the handler to start", () -> started.getCount() == 0);
    AtomicBoolean finishedWhenCloseReturned = new AtomicBoolean();
    Thread closer = new Thread(() -> {
      subscription.close();
      finishedWhenCloseReturned.set(finished.get());
    });
    closer.start();
    ctx().await("close() to be under way", () -> !subscription.isActive());
    release.countDown();
    closer.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(closer.isAlive(), "close() returned");
    assertTrue(finishedWhenCloseReturned.get(), "close() returned only after the handler finished");
  }

  @Test
  @DisplayName("closing a subscription twice is harmless and it reports inactive")
  void closeIdempotent() {
    Subscription s = subscribe(spec(ctx().topic()), inbox());
    assertTrue(s.isActive());
    s.close();
    s.close();
    assertFalse(s.isActive());
  }

  @Test
  @DisplayName("after the runtime closes: sends are Closed, subscribe and a new transactional publisher throw, "
      + "admin is Closed, close is idempotent")
  @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the case checks the refusal
  void runtimeClose() {
    Topic topic = ctx().topic();
    Messaging runtime = ctx().fixture().newMessaging();
    var tx = runtime.transactionalPublisher(ProducerGroup.of("tck-close-" + UUID.randomUUID()),
        c -> TransactionOutcome.COMMIT);
    TckContext.stored(runtime.publisher().send(text(topic, "before close")));
    runtime.close();
    runtime.close();
    assertInstanceOf(PublishFailure.Closed.class, runtime.publisher().send(text(topic, "x")).getLeft());
    assertInstanceOf(PublishFailure.Closed.class,
        runtime.publisher().sendAsync(text(topic, "x")).toCompletableFuture().join().getLeft());
    assertInstanceOf(PublishFailure.Closed.class, runtime.publisher().sendOneway(text(topic, "x")).getLeft());
    if (!refusedWithout(Feature.BATCH_SEND, () -> runtime.publisher().sendBatch(List.of(text(topic, "x"))))) {
      assertInstanceOf(PublishFailure.Closed.class,
          runtime.publisher().sendBatch(List.of(text(topic, "x"))).failures().get(0));
    }
    assertInstanceOf(PublishFailure.Closed.class,
        runtime.orderedPublisher().send(text(topic, "x"), ShardingKey.of("k")).getLeft());
    assertInstanceOf(PublishFailure.Closed.class,
        tx.sendInTransaction(text(topic, "x"), (m, id) -> TransactionOutcome.COMMIT).getLeft());
    assertThrows(IllegalStateException.class,
        () -> runtime.subscriber().subscribe(SubscriptionSpec.builder(topic, ctx().group()).build(), m -> null));
    assertThrows(IllegalStateException.class, () -> runtime.transactionalPublisher(
        ProducerGroup.of("tck-after-close-" + UUID.randomUUID()), c -> TransactionOutcome.COMMIT));
    assertInstanceOf(AdminFailure.Closed.class, runtime.admin().createTopic(ctx().missingTopic(), 1).getLeft());
  }

  @Test
  @DisplayName("closing the runtime drains async sends: every accepted send completes with a receipt")
  void closeDrainsAsync() {
    Topic topic = ctx().topic();
    Messaging runtime = ctx().fixture().newMessaging();
    var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<
        io.vavr.control.Either<PublishFailure, dev.rocketport.messaging.SendReceipt>>>();
    for (int i = 0; i < 100; i++) {
      futures.add(runtime.publisher().sendAsync(text(topic, "drain-" + i)).toCompletableFuture());
    }
    runtime.close();
    futures.forEach(f -> assertTrue(f.isDone(), "completed by the time close() returned"));
    futures.forEach(f -> TckContext.stored(f.join()));
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    ctx().await("all 100 drained messages", () -> inbox.ids().size() == 100);
  }

  @Test
  @DisplayName("a new member resumes from the committed offset: nothing acknowledged is lost")
  void resumeAfterClose() {
    Topic topic = ctx().topic(2);
    SubscriptionSpec spec = spec(topic).closeTimeout(Duration.ofSeconds(10)).build();
    Inbox first = inbox();
    Subscription s = subscribe(spec, first);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      ids.add(ctx().sent(text(topic, "first-" + i)).messageId());
    }
    ctx().await("the first 30", () -> first.ids().containsAll(ids));
    s.close();
    Set<String> more = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      more.add(ctx().sent(text(topic, "second-" + i)).messageId());
    }
    Inbox second = inbox();
    subscribe(spec, second);
    ctx().await("the second 30 at the new member", () -> second.ids().containsAll(more));
    ctx().holds("acknowledged messages are not redelivered", () -> second.ids().stream().noneMatch(ids::contains));
    assertEquals(30, second.ids().size());
  }

  @Test
  @DisplayName("members closed while their handlers still hold messages lose nothing: the group handles every message afterwards")
  void closeMidWorkLosesNothing() {
    Topic topic = ctx().topic(4);
    ConsumerGroup group = ctx().group();
    Map<String, String> ids = new ConcurrentHashMap<>();
    Set<String> handled = ConcurrentHashMap.newKeySet();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 24; i++) {
        String body = (i % 3 == 0 ? "hold-" : "quick-") + round + "-" + i;
        ids.put(ctx().sent(text(topic, body)).messageId(), body);
      }
      CountDownLatch gate = new CountDownLatch(1);
      AtomicInteger holding = new AtomicInteger();
      MessageHandler member = m -> {
        if (!m.bodyAsString().startsWith("hold-")) {
          handled.add(m.messageId());
          return HandlerResult.success();
        }
        holding.incrementAndGet();
        try {
          gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return HandlerResult.retry();
      };
      SubscriptionSpec spec = SubscriptionSpec.builder(topic, group).concurrency(2)
          .closeTimeout(Duration.ofMillis(200)).build();
      Subscription a = messaging().subscriber().subscribe(spec, member);
      Subscription b = messaging().subscriber().subscribe(spec, member);
      // on the wall clock: a virtual clock waits for quiescence, which the held handlers never reach
      assertTrue(Waiting.wallClock().awaitUntil(() -> holding.get() >= 1, TckContext.BUDGET), "a member holds a message in its handler");
      a.close();
      b.close();
      gate.countDown();
    }
    Inbox last = inbox();
    subscribe(SubscriptionSpec.builder(topic, group).closeTimeout(Duration.ofSeconds(10)).build(), last);
    Supplier<List<String>> missing = () -> ids.entrySet().stream()
        .filter(e -> !handled.contains(e.getKey()) && !last.contains(e.getKey())).map(Map.Entry::getValue).sorted()
        .toList();
    if (!ctx().fixture().awaitUntil(() -> missing.get().isEmpty(), TckContext.BUDGET)) {
      fail("never handled by the group after its members closed mid-work: " + missing.get());
    }
  }
}
