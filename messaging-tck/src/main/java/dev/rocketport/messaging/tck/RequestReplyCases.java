package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Reply;
import dev.rocketport.messaging.RequestFailure;
import dev.rocketport.messaging.Requester;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Request-reply: replies matched to their requests, typed failures for timeouts, late replies
 * counted. Its cases run one at a time: they read the runtime's requester-wide counters.
 */
@Execution(ExecutionMode.SAME_THREAD)
public abstract class RequestReplyCases extends TckCases {
  private static final Duration PATIENT = Duration.ofSeconds(30);

  private Subscription replier(Topic topic) {
    return ctx().track(messaging().subscriber().subscribe(spec(topic).build(), m -> HandlerResult.reply(
        new Reply(("re:" + m.bodyAsString()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Map.of("served-by", "tck")))));
  }

  private Either<RequestFailure, Reply> outcome(CompletableFuture<Either<RequestFailure, Reply>> stage) {
    ctx().await("the request's outcome", stage::isDone);
    return stage.join();
  }

  private CompletableFuture<Either<RequestFailure, Reply>> request(Requester requester, Topic topic, String body,
      Duration timeout) {
    return requester.request(text(topic, body), timeout).toCompletableFuture();
  }

  @Test
  @DisplayName("the reply a handler returns reaches its requester, body and headers intact")
  void replyArrives() {
    if (refusedWithout(Feature.REQUEST_REPLY, () -> messaging().requester().request(text(ctx().topic(), "refused"),
        PATIENT))) {
      return;
    }
    Topic topic = ctx().topic();
    replier(topic);
    Reply reply = outcome(request(messaging().requester(), topic, "ping", PATIENT)).get();
    assertEquals("re:ping", reply.bodyAsString());
    assertEquals(Map.of("served-by", "tck"), reply.headers());
    assertEquals(0, messaging().requester().pending());
  }

  @Test
  @DisplayName("20 concurrent requests each get their own reply (matched by correlation id)")
  void concurrentRequestsMatched() {
    if (refusedWithout(Feature.REQUEST_REPLY, () -> messaging().requester().request(text(ctx().topic(), "refused"),
        PATIENT))) {
      return;
    }
    Topic topic = ctx().topic();
    replier(topic);
    var stages = IntStream.range(0, 20).mapToObj(i -> request(messaging().requester(), topic, "q" + i, PATIENT))
        .toList();
    for (int i = 0; i < stages.size(); i++) {
      assertEquals("re:q" + i, outcome(stages.get(i)).get().bodyAsString());
    }
  }

  @Test
  @DisplayName("no reply within the timeout is a typed failure; a reply after it is dropped and counted")
  void timeoutThenLateReply() {
    if (refusedWithout(Feature.REQUEST_REPLY, () -> messaging().requester().request(text(ctx().topic(), "refused"),
        PATIENT))) {
      return;
    }
    Topic topic = ctx().topic();
    Subscription replier = replier(topic);
    replier.pause();
    long lateBefore = messaging().requester().lateReplies();
    Duration timeout = Duration.ofSeconds(3);
    var stage = request(messaging().requester(), topic, "slow", timeout);
    assertEquals(new RequestFailure.TimedOut(timeout), outcome(stage).getLeft());
    replier.resume();
    ctx().await("the late reply counted", () -> messaging().requester().lateReplies() == lateBefore + 1);
    assertEquals(0, messaging().requester().pending());
  }

  @Test
  @DisplayName("closing a requester's runtime completes its waiting requests; the replier carries on")
  void closedRequesterLeaksNothing() {
    if (refusedWithout(Feature.REQUEST_REPLY, () -> messaging().requester().request(text(ctx().topic(), "refused"),
        PATIENT))) {
      return;
    }
    Topic topic = ctx().topic();
    Subscription replier = replier(topic);
    replier.pause();
    Messaging other = ctx().track(ctx().fixture().newMessaging());
    var stage = request(other.requester(), topic, "orphan", PATIENT);
    ctx().await("the request stored", () -> messaging().admin().backlog(topic, replier.spec().group())
        .map(b -> b.total() == 1).getOrElse(false));
    other.close();
    assertEquals(new RequestFailure.Closed(), outcome(stage).getLeft());
    assertEquals(0, other.requester().pending());
    assertInstanceOf(RequestFailure.Closed.class, outcome(request(other.requester(), topic, "late", PATIENT))
        .getLeft());
    replier.resume();
    assertEquals("re:next", outcome(request(messaging().requester(), topic, "next", PATIENT))
        .getOrElseThrow(failure -> new AssertionError("the next request failed: " + failure)).bodyAsString());
  }

  @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the case checks the refusal
  @Test
  @DisplayName("bad requests: a typed error naming the field, or NotSent; a reply to a plain message is dropped")
  void badInput() {
    if (refusedWithout(Feature.REQUEST_REPLY, () -> messaging().requester().request(text(ctx().topic(), "refused"),
        PATIENT))) {
      return;
    }
    Topic topic = ctx().topic();
    Requester requester = messaging().requester();
    assertEquals("timeout", assertThrows(InvalidArgumentException.class,
        () -> requester.request(text(topic, "x"), Duration.ofSeconds(-1))).field());
    assertEquals("timeout", assertThrows(InvalidArgumentException.class,
        () -> requester.request(text(topic, "x"), Requester.MAX_TIMEOUT.plusSeconds(1))).field());
    assertEquals("request", assertThrows(InvalidArgumentException.class,
        () -> requester.request(null, PATIENT)).field());
    Topic missing = ctx().missingTopic();
    assertEquals(new RequestFailure.NotSent(new PublishFailure.TopicNotFound(missing)),
        outcome(request(requester, missing, "x", PATIENT)).getLeft());
    var delayed = requester.request(Message.builder(topic).body("later").deliverAfter(Duration.ofSeconds(5)).build(),
        PATIENT).toCompletableFuture();
    var notSent = (RequestFailure.NotSent) outcome(delayed).getLeft();
    assertInstanceOf(PublishFailure.InvalidMessage.class, notSent.cause());
    Inbox inbox = inbox().answering(m -> HandlerResult.reply(Reply.of("to nobody")));
    subscribe(spec(topic), inbox);
    ctx().sent(text(topic, "plain"));
    ctx().await("the plain message", () -> inbox.size() == 1);
    ctx().holds("acknowledged, not redelivered", () -> inbox.size() == 1);
    assertEquals(0, requester.pending());
  }
}
