package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.BatchResult;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Batch sends: per-entry results, automatic splitting under the size limit, whole-batch rejections. */
public abstract class BatchCases extends TckCases {

  @Test
  @DisplayName("a batch of 10 gets 10 receipts in order and every message arrives")
  void tenMessages() {
    if (refusedWithout(Feature.BATCH_SEND, () -> publisher().sendBatch(List.of(text(ctx().topic(), "refused"))))) {
      return;
    }
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(text(topic, "batch-" + i));
    }
    BatchResult result = publisher().sendBatch(batch);
    assertTrue(result.allSent(), () -> "failures: " + result.failures());
    assertEquals(10, result.size());
    ctx().await("10 batch messages", () -> inbox.ids().containsAll(result.receipts().stream()
        .map(SendReceipt::messageId).toList()));
    assertEquals(10, inbox.size());
  }

  @Test
  @DisplayName("a batch larger than the size limit is split automatically and all of it arrives")
  void largerThanLimitIsSplit() {
    if (refusedWithout(Feature.BATCH_SEND, () -> publisher().sendBatch(List.of(text(ctx().topic(), "refused"))))) {
      return;
    }
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    int limit = messaging().capabilities().maxMessageSize();
    int entry = limit / 8;
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(Message.builder(topic).body(new byte[entry]).key("big-" + i).build());
    }
    assertTrue((long) entry * 20 > 2L * limit, "the batch is over twice the limit");
    BatchResult result = publisher().sendBatch(batch);
    assertTrue(result.allSent(), () -> "failures: " + result.failures());
    ctx().await("20 large messages", () -> inbox.size() >= 20);
    assertEquals(20, inbox.ids().size());
  }

  @Test
  @DisplayName("one oversize entry fails alone with MessageTooLarge; the others are sent")
  void oversizeEntryFailsAlone() {
    if (refusedWithout(Feature.BATCH_SEND, () -> publisher().sendBatch(List.of(text(ctx().topic(), "refused"))))) {
      return;
    }
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    int limit = messaging().capabilities().maxMessageSize();
    List<Message> batch = List.of(text(topic, "a"), Message.builder(topic).body(new byte[limit + 1]).build(),
        text(topic, "c"));
    BatchResult result = publisher().sendBatch(batch);
    assertTrue(result.entries().get(0).isRight());
    assertEquals(new PublishFailure.MessageTooLarge(limit + 1, limit), result.entries().get(1).getLeft());
    assertTrue(result.entries().get(2).isRight());
    ctx().await("the two valid messages", () -> inbox.size() >= 2);
    ctx().holds("only the valid messages arrive", () -> inbox.size() == 2);
  }

  @Test
  @DisplayName("a batch mixing topics is rejected whole and nothing is sent")
  void mixedTopicsRejected() {
    if (refusedWithout(Feature.BATCH_SEND, () -> publisher().sendBatch(List.of(text(ctx().topic(), "refused"))))) {
      return;
    }
    Topic a = ctx().topic();
    Topic b = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(a), inbox);
    BatchResult result = publisher().sendBatch(List.of(text(a, "1"), text(b, "2")));
    assertEquals(2, result.failures().size());
    result.failures().forEach(f -> assertEquals("topic", ((PublishFailure.InvalidMessage) f).field()));
    ctx().holds("nothing is delivered", () -> inbox.size() == 0);
  }

  @Test
  @DisplayName("a batch containing a delayed message is rejected whole")
  void delayedEntryRejected() {
    if (refusedWithout(Feature.BATCH_SEND, () -> publisher().sendBatch(List.of(text(ctx().topic(), "refused"))))) {
      return;
    }
    Topic topic = ctx().topic();
    BatchResult result = publisher().sendBatch(List.of(text(topic, "1"),
        Message.builder(topic).body("2").deliverAfter(Duration.ofSeconds(5)).build()));
    assertEquals(2, result.failures().size());
    assertInstanceOf(PublishFailure.InvalidMessage.class, result.failures().get(0));
    assertEquals("delay", ((PublishFailure.InvalidMessage) result.failures().get(1)).field());
  }

  @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the case checks the refusal
  @Test
  @DisplayName("an empty or null batch throws InvalidArgumentException naming 'messages'")
  void emptyBatchThrows() {
    if (refusedWithout(Feature.BATCH_SEND, () -> publisher().sendBatch(List.of(text(ctx().topic(), "refused"))))) {
      return;
    }
    var empty = assertThrows(InvalidArgumentException.class, () -> publisher().sendBatch(List.of()));
    assertEquals("messages", empty.field());
    var none = assertThrows(InvalidArgumentException.class, () -> publisher().sendBatch(null));
    assertEquals("messages", none.field());
  }
}
