package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.InMemoryConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The in-memory send path under contention (synchronous sends join the group commit when the broker
 * lock is busy) and orderly runs (a handler thread takes consecutive messages of a queue and stops
 * at the first failure).
 */
class SendPipelineTest {

  @Test
  void concurrentSynchronousSendsKeepEachSendersOrderAndGetDistinctIds() throws Exception {
    try (InMemoryMessaging messaging = InMemoryMessaging.wallClock(InMemoryConfig.builder().journalCapacity(0).build())) {
      Topic topic = Topic.of("contended");
      messaging.admin().createTopic(topic, 1).get();
      int senders = 8;
      int each = 2_000;
      Set<String> ids = ConcurrentHashMap.newKeySet();
      List<Thread> threads = new ArrayList<>();
      CountDownLatch start = new CountDownLatch(1);
      for (int s = 0; s < senders; s++) {
        int sender = s;
        Thread thread = new Thread(() -> {
          awaitQuietly(start);
          for (int i = 0; i < each; i++) {
            Either<PublishFailure, SendReceipt> sent = i % 2 == 0
                ? messaging.publisher().send(Message.of(topic, sender + ":" + i))
                : messaging.orderedPublisher().send(Message.of(topic, sender + ":" + i), ShardingKey.of("k" + sender));
            ids.add(sent.get().messageId());
          }
        });
        thread.start();
        threads.add(thread);
      }
      start.countDown();
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(60));
      }
      assertEquals(senders * each, ids.size(), "one distinct id per send");
      Map<Integer, Integer> lastSeen = new ConcurrentHashMap<>();
      List<String> outOfOrder = new CopyOnWriteArrayList<>();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("reader")).orderly().concurrency(1).build(),
          m -> {
            String[] parts = m.bodyAsString().split(":");
            int sender = Integer.parseInt(parts[0]);
            int index = Integer.parseInt(parts[1]);
            Integer previous = lastSeen.put(sender, index);
            if (previous != null && previous != index - 1) {
              outOfOrder.add(m.bodyAsString() + " after " + previous);
            }
            return HandlerResult.success();
          });
      messaging.broker().awaitQuiescence();
      assertEquals(List.of(), outOfOrder, "each sender's messages stored in its send order");
      assertEquals(senders, lastSeen.size());
      lastSeen.forEach((sender, last) -> assertEquals(each - 1, last, "sender " + sender + " read to the end"));
    }
  }

  @Test
  void aSynchronousSendFromAnAsynchronousCallbackCompletes() throws Exception {
    try (InMemoryMessaging messaging = InMemoryMessaging.wallClock()) {
      Topic topic = Topic.of("callback-sends");
      messaging.admin().createTopic(topic, 2).get();
      List<Either<PublishFailure, SendReceipt>> inner = new CopyOnWriteArrayList<>();
      List<java.util.concurrent.CompletableFuture<Void>> done = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        done.add(messaging.publisher().sendAsync(Message.of(topic, "outer " + i))
            .thenAccept(r -> inner.add(messaging.publisher().send(Message.of(topic, "inner")))).toCompletableFuture());
      }
      java.util.concurrent.CompletableFuture.allOf(done.toArray(new java.util.concurrent.CompletableFuture[0]))
          .get(30, TimeUnit.SECONDS);
      assertEquals(200, inner.size());
      assertTrue(inner.stream().allMatch(Either::isRight), "every inner send stored: " + inner);
    }
  }

  @Test
  void anOrderlyRunStopsAtItsFirstFailureAndResumesInOrder() {
    try (InMemoryMessaging messaging = InMemoryMessaging.virtualClock()) {
      Topic topic = Topic.of("orderly-runs");
      messaging.admin().createTopic(topic, 1).get();
      for (int i = 0; i < 6; i++) {
        messaging.publisher().send(Message.of(topic, "m" + i)).get();
      }
      List<String> seen = new CopyOnWriteArrayList<>();
      var spec = SubscriptionSpec.builder(topic, ConsumerGroup.of("g")).orderly().concurrency(1).build();
      messaging.subscriber().subscribe(spec, m -> {
        seen.add(m.bodyAsString() + "#" + m.deliveryAttempt());
        boolean fail = m.bodyAsString().equals("m2") && m.deliveryAttempt() < 3;
        return fail ? HandlerResult.retry() : HandlerResult.success();
      });
      messaging.broker().awaitQuiescence();
      assertEquals(List.of("m0#1", "m1#1", "m2#1"), seen, "the run stopped at m2; m3.. wait behind it");
      messaging.broker().advance(Duration.ofMinutes(1));
      assertEquals(List.of("m0#1", "m1#1", "m2#1", "m2#2", "m2#3", "m3#1", "m4#1", "m5#1"), seen);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
