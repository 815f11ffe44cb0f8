package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.TransactionOutcome;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.interception.PublishEvent;
import dev.rocketport.messaging.interception.PublishInterceptor;
import dev.rocketport.messaging.interception.PublishMode;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Handler middleware and publish interceptors, applied alike by every adapter. */
public abstract class MiddlewareCases extends TckCases {

  /** A runtime of its own applying {@code interceptors}, closed after the case. */
  private Messaging runtime(Interceptors interceptors) {
    return ctx().track(ctx().fixture().newMessaging(interceptors));
  }

  /** Middleware that records entering and leaving under {@code name}. */
  private static HandlerMiddleware tracing(String name, List<String> trace) {
    return (context, messages, next) -> {
      trace.add(name + ">");
      HandlerResult result = next.handle(messages);
      trace.add("<" + name);
      return result;
    };
  }

  @Test
  @DisplayName("middleware runs runtime-first then subscription, in the order given, around the handler")
  void middlewareOrder() {
    List<String> trace = new CopyOnWriteArrayList<>();
    Messaging runtime = runtime(Interceptors.builder().handler(tracing("r1", trace)).handler(tracing("r2", trace))
        .build());
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> {
      trace.add("handler");
      return HandlerResult.success();
    });
    ctx().track(runtime.subscriber().subscribe(spec(topic).middleware(tracing("s1", trace)).build(),
        inbox.handler()));
    TckContext.stored(runtime.publisher().send(text(topic, "traced")));
    ctx().await("the message handled through the chain", () -> trace.size() == 7);
    assertEquals(List.of("r1>", "r2>", "s1>", "handler", "<s1", "<r2", "<r1"), trace);
  }

  @Test
  @DisplayName("middleware that throws means retry; a short-circuit verdict stands without the handler")
  void middlewareVerdicts() {
    AtomicInteger seenByMiddleware = new AtomicInteger();
    HandlerMiddleware middleware = (context, messages, next) -> {
      seenByMiddleware.incrementAndGet();
      Message message = messages.get(0).message();
      if (message.bodyAsString().equals("throws") && messages.get(0).deliveryAttempt() == 1) {
        throw new IllegalStateException("middleware failure");
      }
      return message.bodyAsString().equals("skip") ? HandlerResult.success() : next.handle(messages);
    };
    Messaging runtime = runtime(Interceptors.builder().handler(middleware).build());
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    ctx().track(runtime.subscriber().subscribe(spec(topic).build(), inbox.handler()));
    SendReceipt skipped = TckContext.stored(runtime.publisher().send(text(topic, "skip")));
    SendReceipt thrown = TckContext.stored(runtime.publisher().send(text(topic, "throws")));
    ctx().await("the retry after the middleware threw", () -> inbox.of(thrown.messageId()).size() == 1);
    assertEquals(2, inbox.of(thrown.messageId()).get(0).message().deliveryAttempt(),
        "the handler saw only the redelivery");
    ctx().holds("the short-circuited message never reaches the handler and is not redelivered",
        () -> !inbox.contains(skipped.messageId()) && seenByMiddleware.get() == 3);
  }

  @Test
  @DisplayName("a refusing interceptor fails every port with Refused, sends nothing, and sees the outcome")
  void refusal() {
    List<PublishEvent> events = new CopyOnWriteArrayList<>();
    PublishInterceptor refuseBlocked = new PublishInterceptor() {
      @Override
      public Either<PublishFailure.Refused, Message> beforePublish(Message message, PublishMode mode) {
        return message.headers().containsKey("blocked") ? refuse("blocked by policy") : Either.right(message);
      }

      @Override
      public void afterPublish(PublishEvent event) {
        events.add(event);
      }
    };
    Messaging runtime = runtime(Interceptors.builder().publish(refuseBlocked).build());
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    Message blocked = Message.builder(topic).body("no").header("blocked", "yes").build();
    List<Either<PublishFailure, ?>> outcomes = new ArrayList<>(List.of(
        runtime.publisher().send(blocked),
        runtime.publisher().sendAsync(blocked).toCompletableFuture().join(),
        runtime.publisher().sendOneway(blocked)));
    List<PublishMode> modes = new ArrayList<>(List.of(PublishMode.SYNC, PublishMode.ASYNC, PublishMode.ONEWAY));
    List<Message> batch = List.of(blocked, text(topic, "allowed"));
    boolean batches = !refusedWithout(Feature.BATCH_SEND, () -> runtime.publisher().sendBatch(batch));
    if (batches) {
      outcomes.add(runtime.publisher().sendBatch(batch).entries().get(0));
      modes.addAll(List.of(PublishMode.BATCH, PublishMode.BATCH));
    }
    outcomes.add(runtime.orderedPublisher().send(blocked, ShardingKey.of("k")));
    outcomes.add(runtime.transactionalPublisher(ProducerGroup.of("tck-mw-" + UUID.randomUUID()),
        check -> TransactionOutcome.COMMIT).sendInTransaction(blocked, (m, id) -> TransactionOutcome.COMMIT));
    modes.addAll(List.of(PublishMode.ORDERED, PublishMode.TRANSACTIONAL));
    for (Either<PublishFailure, ?> outcome : outcomes) {
      PublishFailure.Refused refused = assertInstanceOf(PublishFailure.Refused.class, outcome.getLeft());
      assertEquals("blocked by policy", refused.reason());
      assertTrue(refused.by().contains("MiddlewareCases"), refused.by());
    }
    TckContext.stored(runtime.publisher().send(text(topic, "allowed")));
    ctx().await("the allowed message", () -> inbox.size() == (batches ? 2 : 1));
    ctx().holds("nothing refused was sent", () -> inbox.size() == (batches ? 2 : 1));
    modes.add(PublishMode.SYNC);
    assertEquals(modes, events.stream().map(PublishEvent::mode).toList());
    assertEquals(outcomes.size(),
        events.stream().filter(e -> e.failure().exists(PublishFailure.Refused.class::isInstance)).count());
  }

  @Test
  @DisplayName("headers an interceptor adds arrive, and afterPublish sees the receipt")
  void addedHeadersArrive() {
    List<PublishEvent> events = new CopyOnWriteArrayList<>();
    PublishInterceptor stamp = new PublishInterceptor() {
      @Override
      public Either<PublishFailure.Refused, Message> beforePublish(Message message, PublishMode mode) {
        return Either.right(message.toBuilder().header("x-stamp", mode.name()).build());
      }

      @Override
      public void afterPublish(PublishEvent event) {
        events.add(event);
      }
    };
    Messaging runtime = runtime(Interceptors.builder().publish(stamp).build());
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    SendReceipt sync = TckContext.stored(runtime.publisher().send(text(topic, "sync")));
    SendReceipt async = TckContext.stored(runtime.publisher().sendAsync(text(topic, "async")).toCompletableFuture()
        .join());
    ctx().await("both messages", () -> inbox.contains(sync.messageId()) && inbox.contains(async.messageId()));
    assertEquals("SYNC", inbox.of(sync.messageId()).get(0).message().header("x-stamp").getOrNull());
    assertEquals("ASYNC", inbox.of(async.messageId()).get(0).message().header("x-stamp").getOrNull());
    assertEquals(List.of(sync.messageId(), async.messageId()),
        events.stream().map(e -> e.receipt().get().messageId()).toList());
    assertTrue(events.stream().allMatch(e -> e.message().headers().containsKey("x-stamp") && e.succeeded()));
  }
}
