package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Broadcasting: every member gets every message; failures are not redelivered. */
public abstract class BroadcastingCases extends TckCases {

  private SubscriptionSpec broadcast(Topic topic, ConsumerGroup group) {
    return SubscriptionSpec.builder(topic, group).broadcasting().closeTimeout(Duration.ofSeconds(10)).build();
  }

  @Test
  @DisplayName("every member of a broadcasting group gets every message")
  void everyMemberGetsEverything() {
    if (refusedWithout(Feature.BROADCASTING, () -> subscribe(broadcast(ctx().topic(), ctx().group()), inbox()))) {
      return;
    }
    Topic topic = ctx().topic();
    ConsumerGroup group = ctx().group();
    Inbox a = inbox();
    Inbox b = inbox();
    subscribe(broadcast(topic, group), a);
    subscribe(broadcast(topic, group), b);
    for (int i = 0; i < 30; i++) {
      ctx().sent(text(topic, "all-" + i));
    }
    ctx().await("30 messages at each member", () -> a.ids().size() == 30 && b.ids().size() == 30);
    assertEquals(a.ids(), b.ids());
  }

  @Test
  @DisplayName("a message a broadcasting member fails is not redelivered to it")
  void failuresNotRedelivered() {
    if (refusedWithout(Feature.BROADCASTING, () -> subscribe(broadcast(ctx().topic(), ctx().group()), inbox()))) {
      return;
    }
    Topic topic = ctx().topic();
    ConsumerGroup group = ctx().group();
    Inbox failing = inbox().answering(m -> HandlerResult.retry());
    Inbox fine = inbox();
    subscribe(broadcast(topic, group), failing);
    subscribe(broadcast(topic, group), fine);
    ctx().sent(text(topic, "once"));
    ctx().sent(text(topic, "sentinel"));
    ctx().await("both members saw both messages", () -> failing.size() >= 2 && fine.size() >= 2);
    ctx().holds("no redelivery", () -> failing.size() == 2 && fine.size() == 2);
    failing.messages().forEach(m -> assertEquals(1, m.deliveryAttempt()));
  }
}
