package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.FailurePolicy;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.DeadLetter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link FailurePolicy}: what a handler's exception means, by its type — reject, retry after a delay, or the ladder. */
public abstract class FailurePolicyCases extends TckCases {

  private List<DeadLetter> deadLetters(SubscriptionSpec spec) {
    return messaging().admin().deadLetters(spec.group(), 100).get();
  }

  @Test
  @DisplayName("an exception the policy rejects dead-letters the message at once, the exception as the reason")
  void rejectedByType() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> {
      throw new IllegalArgumentException("amount must be positive");
    });
    SubscriptionSpec spec = spec(topic).failurePolicy(FailurePolicy.builder()
        .reject(IllegalArgumentException.class).build()).build();
    subscribe(spec, inbox);
    ctx().sent(text(topic, "amount=-3"));
    ctx().await("a dead letter", () -> deadLetters(spec).size() == 1);
    DeadLetter letter = deadLetters(spec).get(0);
    assertEquals(1, letter.deliveryAttempts());
    assertEquals("java.lang.IllegalArgumentException: amount must be positive", letter.rejectReason().get());
    ctx().holds("no second delivery", () -> inbox.size() == 1);
  }

  @Test
  @DisplayName("an exception with a delay of its own is redelivered after that delay")
  void retriedAfterItsOwnDelay() {
    Topic topic = ctx().topic();
    // a delay the adapter's ladder has as a level (5 s on RocketMQ's default ladder), so it is kept exactly
    Duration wait = messaging().capabilities().retryLadder().levels().get(1);
    Inbox inbox = inbox().answering(m -> {
      if (m.deliveryAttempt() == 1) {
        throw new IllegalStateException("payment service busy");
      }
      return HandlerResult.success();
    });
    subscribe(spec(topic).failurePolicy(FailurePolicy.builder().retryAfter(IllegalStateException.class, wait)
        .build()), inbox);
    SendReceipt receipt = ctx().sent(text(topic, "charge"));
    ctx().await("the redelivery", () -> inbox.of(receipt.messageId()).size() == 2);
    List<Inbox.Delivery> d = inbox.of(receipt.messageId());
    Duration gap = Duration.between(d.get(0).at(), d.get(1).at());
    assertTrue(gap.plus(ctx().fixture().timingTolerance()).compareTo(wait) >= 0, "waited " + gap + " of " + wait);
  }

  @Test
  @DisplayName("the first matching rule decides; an exception no rule matches follows the retry ladder")
  void firstMatchDecidesAndTheRestRetry() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> {
      if (m.deliveryAttempt() == 1) {
        throw switch (m.bodyAsString()) {
          case "transient" -> new IllegalStateException("try again");
          case "broken" -> new UnsupportedOperationException("never works");
          default -> new java.io.UncheckedIOException(new java.io.IOException("disk"));
        };
      }
      return HandlerResult.success();
    });
    SubscriptionSpec spec = spec(topic).failurePolicy(FailurePolicy.builder()
        .retry(IllegalStateException.class)
        .reject(UnsupportedOperationException.class)
        .reject(IllegalArgumentException.class)
        .build()).build();
    subscribe(spec, inbox);
    SendReceipt transientOne = ctx().sent(text(topic, "transient"));
    SendReceipt broken = ctx().sent(text(topic, "broken"));
    SendReceipt unmatched = ctx().sent(text(topic, "io"));
    ctx().await("both retried messages handled on their second attempt",
        () -> inbox.of(transientOne.messageId()).size() == 2 && inbox.of(unmatched.messageId()).size() == 2);
    ctx().await("the broken one dead-lettered", () -> deadLetters(spec).size() == 1);
    assertEquals(broken.messageId(), deadLetters(spec).get(0).stored().messageId());
    assertEquals(1, inbox.of(broken.messageId()).size());
  }
}
