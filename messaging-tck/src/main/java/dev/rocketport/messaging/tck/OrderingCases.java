package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.messaging.spi.WireRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Ordered messages: same sharding key, same queue, consumed in send order by ORDERLY subscriptions. */
public abstract class OrderingCases extends TckCases {

  private OrderedPublisher ordered() {
    return messaging().orderedPublisher();
  }

  private SendReceipt sendOrdered(Topic topic, String key, String body) {
    return TckContext.stored(ordered().send(Message.builder(topic).body(body).key(key).build(), ShardingKey.of(key)));
  }

  /** Per order id, the step numbers in the order they were delivered (first delivery of each). */
  private static Map<String, List<Integer>> stepsByKey(List<ReceivedMessage> messages) {
    Map<String, List<Integer>> steps = new LinkedHashMap<>();
    for (ReceivedMessage m : messages) {
      String[] parts = m.bodyAsString().split(":");
      steps.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
    }
    return steps;
  }

  @Test
  @DisplayName("8 keys x 40 messages on 4 queues with concurrency 4 arrive in send order per key")
  void orderPerKeyUnderConcurrency() {
    Topic topic = ctx().topic(4);
    Inbox inbox = inbox();
    subscribe(spec(topic).orderly().concurrency(4), inbox);
    for (int step = 0; step < 40; step++) {
      for (int key = 0; key < 8; key++) {
        sendOrdered(topic, "order-" + key, "order-" + key + ":" + step);
      }
    }
    ctx().await("320 ordered messages", () -> inbox.size() >= 320);
    Map<String, List<Integer>> steps = stepsByKey(inbox.messages());
    assertEquals(8, steps.size());
    List<Integer> expected = new ArrayList<>();
    for (int step = 0; step < 40; step++) {
      expected.add(step);
    }
    steps.forEach((key, seen) -> assertEquals(expected, seen, "order of " + key));
  }

  @Test
  @DisplayName("equal sharding keys select the same queue; the queue is the key's consistent hash (as the proxy's)")
  void sameKeySameQueue() {
    Topic topic = ctx().topic(8);
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    Set<Integer> reported = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      reported.add(sendOrdered(topic, "customer-42", "c:" + i).queueId());
    }
    ctx().await("10 messages", () -> inbox.size() >= 10);
    inbox.messages().forEach(m -> reported.add(m.queueId()));
    reported.remove(SendReceipt.QUEUE_NOT_REPORTED);
    int queue = WireRules.queueFor(ShardingKey.of("customer-42"), 8);
    assertTrue(reported.isEmpty() || reported.equals(Set.of(queue)), () -> "receipts and deliveries name queues "
        + reported + ", not only " + queue);
  }

  @Test
  @DisplayName("a poison message in an ORDERLY queue is retried in place, dead-lettered, and the queue goes on in order")
  void poisonMessageKeepsOrder() {
    Topic topic = ctx().topic(2);
    Inbox inbox = inbox().answering(m -> m.bodyAsString().equals("k:3") ? HandlerResult.retry()
        : HandlerResult.success());
    var spec = spec(topic).orderly().concurrency(2).maxRetries(2).build();
    subscribe(spec, inbox);
    for (int step = 1; step <= 5; step++) {
      sendOrdered(topic, "k", "k:" + step);
    }
    ctx().await("steps 4 and 5 after the poison message", () -> inbox.bodies().contains("k:5"));
    assertEquals(List.of("k:1", "k:2", "k:3", "k:3", "k:3", "k:4", "k:5"), inbox.bodies());
    List<Integer> attempts = inbox.messages().stream().filter(m -> m.bodyAsString().equals("k:3"))
        .map(ReceivedMessage::deliveryAttempt).toList();
    assertEquals(List.of(1, 2, 3), attempts);
    ctx().await("the poison message in the dead-letter queue",
        () -> messaging().admin().deadLetters(spec.group(), 10).get().size() == 1);
    DeadLetter letter = messaging().admin().deadLetters(spec.group(), 10).get().get(0);
    assertEquals("k:3", letter.message().bodyAsString());
    assertEquals(topic, letter.message().topic());
  }

  @Test
  @DisplayName("an ORDERLY retry suspends the queue: later messages wait until the failed one succeeds")
  void retryBlocksQueue() {
    Topic topic = ctx().topic(1);
    Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Inbox inbox = inbox().answering(m -> m.bodyAsString().equals("q:1") && failedOnce.add("q:1")
        ? HandlerResult.retryAfter(Duration.ofSeconds(1)) : HandlerResult.success());
    subscribe(spec(topic).orderly(), inbox);
    sendOrdered(topic, "q", "q:1");
    sendOrdered(topic, "q", "q:2");
    ctx().await("both messages", () -> inbox.bodies().contains("q:2"));
    assertEquals(List.of("q:1", "q:1", "q:2"), inbox.bodies());
    assertEquals(2, inbox.messages().get(1).deliveryAttempt());
    Duration gap = Duration.between(inbox.deliveries().get(0).at(), inbox.deliveries().get(1).at());
    assertTrue(gap.compareTo(Duration.ofSeconds(1).minus(ctx().fixture().timingTolerance())) >= 0,
        "the queue was suspended for about the requested second, gap " + gap);
  }

  @Test
  @DisplayName("the ordered publisher rejects delayed messages with InvalidMessage on 'delay'")
  void orderedRejectsDelay() {
    Topic topic = ctx().topic();
    var failure = ordered().send(Message.builder(topic).body("x").deliverAfter(Duration.ofSeconds(3)).build(),
        ShardingKey.of("k")).getLeft();
    assertEquals("delay", ((PublishFailure.InvalidMessage) failure).field());
  }
}
