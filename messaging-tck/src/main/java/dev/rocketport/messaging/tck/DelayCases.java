package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.DelayLevel;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Delayed delivery: never early (beyond the adapter's precision), delivered once due. */
public abstract class DelayCases extends TckCases {

  private void assertNotEarly(Instant sent, Duration delay, Inbox inbox) {
    Instant due = sent.plus(delay).minus(ctx().fixture().timingTolerance());
    Instant at = inbox.deliveries().get(0).at();
    assertFalse(at.isBefore(due), "delivered at " + at + ", before " + due);
  }

  @Test
  @DisplayName("deliverAfter(3 s) is not delivered before 3 s, and is delivered after")
  void afterDuration() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    Instant sent = ctx().fixture().now();
    SendReceipt receipt = ctx().sent(Message.builder(topic).body("later").deliverAfter(Duration.ofSeconds(3)).build());
    assertTrue(receipt.queueOffset().isEmpty(), "a delayed message's final offset is not known at send time");
    ctx().await("the delayed message", () -> inbox.size() == 1);
    assertNotEarly(sent, Duration.ofSeconds(3), inbox);
    assertTrue(inbox.messages().get(0).message().delay().isEmpty(), "delivered messages carry no delay");
  }

  @Test
  @DisplayName("deliverAt(now + 3 s) is delivered at that instant, not before")
  void atInstant() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    Instant sent = ctx().fixture().now();
    ctx().sent(Message.builder(topic).body("at").deliverAt(sent.plusSeconds(3)).build());
    ctx().await("the timed message", () -> inbox.size() == 1);
    assertNotEarly(sent, Duration.ofSeconds(3), inbox);
  }

  @Test
  @DisplayName("classic delay level 2 (5 s) waits 5 s")
  void delayLevel() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    Instant sent = ctx().fixture().now();
    ctx().sent(Message.builder(topic).body("level").deliverAfter(DelayLevel.LEVEL_2).build());
    ctx().await("the level-2 message", () -> inbox.size() == 1);
    assertNotEarly(sent, DelayLevel.LEVEL_2.duration(), inbox);
  }

  @Test
  @DisplayName("a delayed message does not overtake the wait: an immediate one sent after it arrives first")
  void immediateOvertakesDelayed() {
    Topic topic = ctx().topic(1);
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    ctx().sent(Message.builder(topic).body("slow").deliverAfter(Duration.ofSeconds(2)).build());
    ctx().sent(text(topic, "fast"));
    ctx().await("both messages", () -> inbox.size() == 2);
    assertTrue(inbox.bodies().equals(java.util.List.of("fast", "slow")), "order: " + inbox.bodies());
  }

  @Test
  @DisplayName("a deliverAt instant in the past means now")
  void pastInstantIsNow() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    ctx().sent(Message.builder(topic).body("past").deliverAt(ctx().fixture().now().minusSeconds(60)).build());
    ctx().await("the message", () -> inbox.size() == 1);
  }
}
