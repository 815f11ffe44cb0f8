package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Dispatched;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.Tag;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Sync, async and one-way sends: what a receipt says and that what was sent arrives intact. */
public abstract class PublishingCases extends TckCases {

  @Test
  @DisplayName("sync send returns a receipt and the message arrives intact, with the receipt's id")
  void syncSendArrivesIntact() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    Message message = Message.builder(topic).body("héllo, wörld ✓").tag("created").key("order-1").key("customer-7")
        .header("region", "eu").header("amount", "42").build();
    SendReceipt receipt = ctx().sent(message);
    assertEquals(topic, receipt.topic());
    assertTrue(receipt.queueId() == SendReceipt.QUEUE_NOT_REPORTED || receipt.queueId() >= 0 && receipt.queueId() < 4,
        "queue id in range: " + receipt.queueId());
    assertTrue(receipt.queueOffset().isDefined(), "a plain send knows its offset");
    ctx().await("the message", () -> inbox.size() >= 1);
    ReceivedMessage got = inbox.messages().get(0);
    assertEquals(receipt.messageId(), got.messageId());
    assertEquals(message, got.message());
    assertEquals(1, got.deliveryAttempt());
    if (receipt.queueId() != SendReceipt.QUEUE_NOT_REPORTED) {
      assertEquals(receipt.queueId(), got.queueId());
    }
    assertEquals(receipt.queueOffset().get(), got.queueOffset());
  }

  @Test
  @DisplayName("async send completes with a receipt and the message arrives")
  void asyncSendCompletes() throws Exception {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    Either<PublishFailure, SendReceipt> result =
        publisher().sendAsync(text(topic, "async")).toCompletableFuture().get(60, TimeUnit.SECONDS);
    SendReceipt receipt = TckContext.stored(result);
    ctx().await("the async message", () -> inbox.contains(receipt.messageId()));
  }

  @Test
  @DisplayName("300 async sends all complete and each message arrives exactly once")
  void manyAsyncSendsArriveOnce() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic).concurrency(8), inbox);
    List<CompletableFuture<Either<PublishFailure, SendReceipt>>> futures = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      futures.add(publisher().sendAsync(text(topic, "m" + i)).toCompletableFuture());
    }
    Set<String> ids = new HashSet<>();
    futures.forEach(f -> ids.add(TckContext.stored(f.join()).messageId()));
    assertEquals(300, ids.size(), "message ids are unique");
    ctx().await("300 messages", () -> inbox.ids().containsAll(ids));
    ctx().holds("no duplicates", () -> inbox.size() == 300);
  }

  @Test
  @DisplayName("one-way send is handed over, and the message arrives with the id it was dispatched with")
  void onewayArrives() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    Dispatched dispatched = publisher().sendOneway(text(topic, "fire-and-forget")).get();
    assertEquals(topic, dispatched.topic());
    ctx().await("the one-way message", () -> inbox.bodies().contains("fire-and-forget"));
    assertEquals(dispatched.messageId(), inbox.messages().get(0).messageId());
  }

  @Test
  @DisplayName("sending to a topic that does not exist fails with TopicNotFound in every mode")
  void missingTopicIsTyped() {
    Topic missing = ctx().missingTopic();
    Message message = text(missing, "x");
    assertEquals(new PublishFailure.TopicNotFound(missing), publisher().send(message).getLeft());
    assertEquals(new PublishFailure.TopicNotFound(missing),
        publisher().sendAsync(message).toCompletableFuture().join().getLeft());
    assertInstanceOf(PublishFailure.TopicNotFound.class, publisher().sendOneway(message).getLeft());
    if (!refusedWithout(Feature.BATCH_SEND, () -> publisher().sendBatch(List.of(message)))) {
      assertInstanceOf(PublishFailure.TopicNotFound.class, publisher().sendBatch(List.of(message)).failures().get(0));
    }
    assertEquals(new PublishFailure.TopicNotFound(missing),
        messaging().orderedPublisher().send(message, ShardingKey.of("customer-1")).getLeft());
  }

  @Test
  @DisplayName("message ids are unique across 200 sync sends")
  void idsAreUnique() {
    Topic topic = ctx().topic();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      ids.add(ctx().sent(text(topic, "u" + i)).messageId());
    }
    assertEquals(200, ids.size());
  }

  @Test
  @DisplayName("binary bodies, many keys and headers survive the round trip byte for byte")
  void binaryBodyRoundTrip() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    byte[] body = new byte[70_000];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31);
    }
    Message.Builder builder = Message.builder(topic).body(body).tag(Tag.of("bin"));
    for (int i = 0; i < 5; i++) {
      builder.key(MessageKey.of("k" + i)).header("h" + i, "v=" + i + " with spaces, ünïcode");
    }
    Message message = builder.build();
    ctx().sent(message);
    ctx().await("the binary message", () -> inbox.size() == 1);
    Message got = inbox.messages().get(0).message();
    assertEquals(message, got);
    assertEquals(Map.copyOf(message.headers()), Map.copyOf(got.headers()));
    assertFalse(got.delay().isDefined());
  }
}
