package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Retries of a concurrent clustering subscription: same id, growing attempt, the ladder's delays. */
public abstract class RetryCases extends TckCases {

  private void assertGapAtLeast(Inbox.Delivery earlier, Inbox.Delivery later, Duration expected) {
    Duration gap = Duration.between(earlier.at(), later.at());
    Duration floor = expected.minus(ctx().fixture().timingTolerance());
    assertTrue(gap.compareTo(floor) >= 0, "gap " + gap + " is shorter than " + expected);
  }

  @Test
  @DisplayName("RETRY redelivers the same message with attempt 2, then SUCCESS ends it")
  void retryThenSuccess() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> m.deliveryAttempt() == 1 ? HandlerResult.retry() : HandlerResult.success());
    subscribe(spec(topic), inbox);
    SendReceipt receipt = ctx().sent(text(topic, "again"));
    ctx().await("the redelivery", () -> inbox.of(receipt.messageId()).size() == 2);
    List<Inbox.Delivery> deliveries = inbox.of(receipt.messageId());
    assertEquals(List.of(1, 2), deliveries.stream().map(d -> d.message().deliveryAttempt()).toList());
    assertEquals("again", deliveries.get(1).message().bodyAsString());
    assertEquals(topic, deliveries.get(1).message().topic());
    ctx().holds("no third delivery", () -> inbox.of(receipt.messageId()).size() == 2);
  }

  @Test
  @DisplayName("a handler that throws is retried like RETRY")
  void exceptionIsRetry() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> {
      if (m.deliveryAttempt() == 1) {
        throw new IllegalStateException("boom");
      }
      return HandlerResult.success();
    });
    subscribe(spec(topic), inbox);
    SendReceipt receipt = ctx().sent(text(topic, "throws"));
    ctx().await("the redelivery", () -> inbox.of(receipt.messageId()).size() == 2);
  }

  @Test
  @DisplayName("a handler returning null is retried like RETRY")
  void nullIsRetry() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> m.deliveryAttempt() == 1 ? null : HandlerResult.success());
    subscribe(spec(topic), inbox);
    SendReceipt receipt = ctx().sent(text(topic, "null"));
    ctx().await("the redelivery", () -> inbox.of(receipt.messageId()).size() == 2);
  }

  @Test
  @DisplayName("retry delays follow the adapter's retry ladder and attempts grow by one")
  void delaysFollowTheLadder() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> m.deliveryAttempt() < 3 ? HandlerResult.retry() : HandlerResult.success());
    subscribe(spec(topic), inbox);
    SendReceipt receipt = ctx().sent(text(topic, "ladder"));
    ctx().await("three deliveries", () -> inbox.of(receipt.messageId()).size() == 3);
    List<Inbox.Delivery> d = inbox.of(receipt.messageId());
    RetryLadder ladder = messaging().capabilities().retryLadder();
    assertGapAtLeast(d.get(0), d.get(1), ladder.delayBeforeRetry(1));
    assertGapAtLeast(d.get(1), d.get(2), ladder.delayBeforeRetry(2));
    assertEquals(List.of(1, 2, 3), d.stream().map(x -> x.message().deliveryAttempt()).toList());
  }

  @Test
  @DisplayName("retryAfter(d) waits at least d")
  void retryAfterWaits() {
    Topic topic = ctx().topic();
    Duration wait = Duration.ofSeconds(2);
    Inbox inbox = inbox().answering(m -> m.deliveryAttempt() == 1 ? HandlerResult.retryAfter(wait)
        : HandlerResult.success());
    subscribe(spec(topic), inbox);
    SendReceipt receipt = ctx().sent(text(topic, "wait"));
    ctx().await("the redelivery", () -> inbox.of(receipt.messageId()).size() == 2);
    List<Inbox.Delivery> d = inbox.of(receipt.messageId());
    assertGapAtLeast(d.get(0), d.get(1), wait);
  }

  @Test
  @DisplayName("other messages keep flowing while one waits for its retry")
  void retryDoesNotBlockConcurrent() {
    Topic topic = ctx().topic(1);
    Inbox inbox = inbox().answering(m -> m.bodyAsString().equals("slow") && m.deliveryAttempt() == 1
        ? HandlerResult.retry() : HandlerResult.success());
    subscribe(spec(topic).concurrency(1), inbox);
    ctx().sent(text(topic, "slow"));
    ctx().sent(text(topic, "next"));
    ctx().await("both, with the retry last", () -> inbox.size() == 3);
    assertEquals(List.of("slow", "next", "slow"), inbox.bodies());
  }
}
