package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.DeadLetter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Dead letters: after maxRetries + 1 attempts a message is parked, listed, and can be redriven, all or one by one. */
public abstract class DeadLetterCases extends TckCases {

  private List<DeadLetter> deadLetters(SubscriptionSpec spec) {
    return messaging().admin().deadLetters(spec.group(), 100).get();
  }

  @Test
  @DisplayName("after maxRetries + 1 failed attempts the message is a dead letter, listed with its attempts")
  void deadLetteredAfterMaxAttempts() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> HandlerResult.retry());
    SubscriptionSpec spec = spec(topic).maxRetries(2).build();
    subscribe(spec, inbox);
    Message poison = Message.builder(topic).body("poison").key("poison-1").tag("bad").header("why", "test").build();
    SendReceipt receipt = ctx().sent(poison);
    ctx().await("a dead letter", () -> deadLetters(spec).size() == 1);
    assertEquals(List.of(1, 2, 3), inbox.of(receipt.messageId()).stream()
        .map(d -> d.message().deliveryAttempt()).toList());
    DeadLetter letter = deadLetters(spec).get(0);
    assertEquals(poison, letter.message());
    assertEquals(3, letter.deliveryAttempts());
    assertEquals(spec.group(), letter.group());
    ctx().holds("no fourth attempt", () -> inbox.of(receipt.messageId()).size() == 3);
  }

  @Test
  @DisplayName("maxRetries 0 dead-letters on the first failure")
  void zeroRetries() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> HandlerResult.retry());
    SubscriptionSpec spec = spec(topic).maxRetries(0).build();
    subscribe(spec, inbox);
    ctx().sent(text(topic, "once"));
    ctx().await("a dead letter", () -> deadLetters(spec).size() == 1);
    assertEquals(1, inbox.size());
    assertEquals(1, deadLetters(spec).get(0).deliveryAttempts());
  }

  @Test
  @DisplayName("redriving republishes dead letters to their topic; they are delivered again and leave the list")
  void redrive() {
    Topic topic = ctx().topic();
    AtomicBoolean healthy = new AtomicBoolean();
    Inbox inbox = inbox().answering(m -> healthy.get() ? HandlerResult.success() : HandlerResult.retry());
    SubscriptionSpec spec = spec(topic).maxRetries(0).build();
    subscribe(spec, inbox);
    ctx().sent(Message.builder(topic).body("fix-me").key("order-9").build());
    ctx().await("a dead letter", () -> deadLetters(spec).size() == 1);
    healthy.set(true);
    assertEquals(1, messaging().admin().redriveDeadLetters(spec.group()).get());
    ctx().await("the redriven message", () -> inbox.bodies().stream().filter("fix-me"::equals).count() == 2);
    var redelivered = inbox.messages().get(inbox.size() - 1);
    assertEquals(1, redelivered.deliveryAttempt());
    assertEquals(List.of(dev.rocketport.messaging.MessageKey.of("order-9")), redelivered.message().keys());
    assertTrue(deadLetters(spec).isEmpty(), "redriven letters leave the list");
    assertEquals(0, messaging().admin().redriveDeadLetters(spec.group()).get());
  }

  @Test
  @DisplayName("redriving one letter republishes only it; the others stay pending; it cannot be redriven twice")
  void redriveOne() {
    Topic topic = ctx().topic();
    AtomicBoolean healthy = new AtomicBoolean();
    Inbox inbox = inbox().answering(m -> healthy.get() ? HandlerResult.success() : HandlerResult.retry());
    SubscriptionSpec spec = spec(topic).maxRetries(0).build();
    subscribe(spec, inbox);
    ctx().sent(Message.builder(topic).body("first").key("k-1").build());
    ctx().sent(text(topic, "second"));
    ctx().await("two dead letters", () -> deadLetters(spec).size() == 2);
    healthy.set(true);
    DeadLetter first = deadLetters(spec).stream().filter(l -> l.message().bodyAsString().equals("first"))
        .findFirst().orElseThrow();
    assertEquals(0, first.redrives());
    SendReceipt copy = messaging().admin().redrive(first).get();
    assertEquals(topic, copy.topic());
    ctx().await("the redriven letter delivered as a new message", () -> inbox.contains(copy.messageId()));
    assertEquals(List.of(MessageKey.of("k-1")), inbox.of(copy.messageId()).get(0).message().message().keys(),
        "the copy carries the letter's keys and nothing else");
    assertEquals(List.of("second"), deadLetters(spec).stream().map(l -> l.message().bodyAsString()).toList());
    assertEquals(new AdminFailure.NotPending(spec.group(), first.messageId()),
        messaging().admin().redrive(first).getLeft());
    assertEquals(1, messaging().admin().redriveDeadLetters(spec.group()).get());
    ctx().await("the rest redriven", () -> inbox.bodies().stream().filter("second"::equals).count() == 2);
  }

  @Test
  @DisplayName("a redriven letter that fails again comes back counting its redrives")
  void redrivesCounted() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> HandlerResult.retry());
    SubscriptionSpec spec = spec(topic).maxRetries(0).build();
    subscribe(spec, inbox);
    ctx().sent(text(topic, "hopeless"));
    ctx().await("a dead letter", () -> deadLetters(spec).size() == 1);
    for (int redrives = 1; redrives <= 2; redrives++) {
      DeadLetter letter = deadLetters(spec).get(0);
      String copy = messaging().admin().redrive(letter).get().messageId();
      ctx().await("the copy dead-lettered again", () -> deadLetters(spec).stream()
          .anyMatch(l -> l.messageId().equals(copy)));
      assertEquals(redrives, deadLetters(spec).get(0).redrives());
      assertEquals(1, deadLetters(spec).size());
    }
  }

  @Test
  @DisplayName("a letter named for another group is not pending there: nothing is sent")
  void redriveOfAnotherGroupsLetter() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> HandlerResult.retry());
    SubscriptionSpec spec = spec(topic).maxRetries(0).build();
    subscribe(spec, inbox);
    ctx().sent(text(topic, "parked"));
    ctx().await("a dead letter", () -> deadLetters(spec).size() == 1);
    DeadLetter letter = deadLetters(spec).get(0);
    ConsumerGroup other = ctx().group();
    DeadLetter foreign = new DeadLetter(other, letter.stored(), letter.deliveryAttempts(), letter.rejectReason(), 0);
    assertEquals(new AdminFailure.NotPending(other, letter.messageId()), messaging().admin().redrive(foreign).getLeft());
    ctx().holds("nothing redriven", () -> inbox.size() == 1 && deadLetters(spec).size() == 1);
  }

  @Test
  @DisplayName("a group without dead letters lists none")
  void noneListed() {
    assertTrue(messaging().admin().deadLetters(ctx().group(), 10).get().isEmpty());
  }
}
