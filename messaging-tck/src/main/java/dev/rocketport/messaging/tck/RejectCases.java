package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.DeadLetter;
import io.vavr.control.Option;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link HandlerResult#reject}: dead-lettered at once, with its reason, in every mode that has dead letters. */
public abstract class RejectCases extends TckCases {

  private List<DeadLetter> deadLetters(SubscriptionSpec spec) {
    return messaging().admin().deadLetters(spec.group(), 100)
        .getOrElseThrow(failure -> new AssertionError("listing dead letters failed: " + failure.description()));
  }

  @Test
  @DisplayName("a rejected message is dead-lettered after its first delivery, intact, with the reason")
  void rejectedAtOnce() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> HandlerResult.reject("unknown schema v9"));
    SubscriptionSpec spec = spec(topic).build();
    subscribe(spec, inbox);
    Message poison = Message.builder(topic).body("{v9}").tag("orders").key("order-7").header("schema", "9").build();
    SendReceipt receipt = ctx().sent(poison);
    ctx().await("a dead letter", () -> deadLetters(spec).size() == 1);
    DeadLetter letter = deadLetters(spec).get(0);
    assertEquals(poison, letter.message());
    assertEquals(receipt.messageId(), letter.stored().messageId());
    assertEquals(1, letter.deliveryAttempts());
    assertEquals(Option.some("unknown schema v9"), letter.rejectReason());
    ctx().holds("no second delivery", () -> inbox.size() == 1);
  }

  @Test
  @DisplayName("a message rejected on its third delivery is parked with 3 attempts, without the rest of the ladder")
  void rejectedAfterRetries() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> m.deliveryAttempt() < 3 ? HandlerResult.retry()
        : HandlerResult.reject("gave up"));
    SubscriptionSpec spec = spec(topic).maxRetries(10).build();
    subscribe(spec, inbox);
    ctx().sent(text(topic, "flaky"));
    ctx().await("a dead letter", () -> deadLetters(spec).size() == 1);
    assertEquals(3, deadLetters(spec).get(0).deliveryAttempts());
    assertEquals(Option.some("gave up"), deadLetters(spec).get(0).rejectReason());
    ctx().holds("no fourth delivery", () -> inbox.size() == 3);
  }

  @Test
  @DisplayName("orderly: a rejected message is parked and the queue goes on with the next one, in order")
  void orderlyQueueMovesOn() {
    Topic topic = ctx().topic(1);
    Inbox inbox = inbox().answering(m -> m.bodyAsString().equals("step-2") ? HandlerResult.reject("bad step")
        : HandlerResult.success());
    SubscriptionSpec spec = spec(topic).orderly().build();
    subscribe(spec, inbox);
    IntStream.range(0, 5).forEach(i -> TckContext.stored(messaging().orderedPublisher()
        .send(text(topic, "step-" + i), ShardingKey.of("order-1"))));
    ctx().await("5 deliveries", () -> inbox.size() >= 5);
    assertEquals(List.of("step-0", "step-1", "step-2", "step-3", "step-4"), inbox.bodies());
    ctx().await("a dead letter", () -> deadLetters(spec).size() == 1);
    DeadLetter letter = deadLetters(spec).get(0);
    assertEquals("step-2", letter.message().bodyAsString());
    assertEquals(Option.some("bad step"), letter.rejectReason());
    assertEquals(1, letter.deliveryAttempts());
  }

  @Test
  @DisplayName("a rejected batch is dead-lettered whole")
  void rejectedBatch() {
    Topic topic = ctx().topic(1);
    Inbox inbox = inbox().answering(m -> HandlerResult.reject("batch refused"));
    SubscriptionSpec spec = spec(topic).batchSize(8).build();
    ctx().track(messaging().subscriber().subscribeBatch(spec, inbox.batchHandler()));
    IntStream.range(0, 3).forEach(i -> ctx().sent(text(topic, "b" + i)));
    ctx().await("3 dead letters", () -> deadLetters(spec).size() == 3);
    assertTrue(deadLetters(spec).stream().allMatch(l -> l.rejectReason().contains("batch refused")));
    ctx().holds("each delivered once", () -> inbox.size() == 3);
  }

  @Test
  @DisplayName("broadcasting: a rejected message is dropped, neither redelivered nor dead-lettered")
  void broadcastingDrops() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox().answering(m -> HandlerResult.reject("not for me"));
    SubscriptionSpec spec = spec(topic).broadcasting().build();
    if (refusedWithout(Feature.BROADCASTING, () -> subscribe(spec, inbox))) {
      return;
    }
    subscribe(spec, inbox);
    ctx().sent(text(topic, "hello"));
    ctx().await("the delivery", () -> inbox.size() == 1);
    ctx().holds("no redelivery", () -> inbox.size() == 1);
    assertTrue(deadLetters(spec).isEmpty());
  }
}
