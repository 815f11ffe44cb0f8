package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.testing.Waiting;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Adaptive batching keeps the per-message guarantee: every caller gets its own receipt, every message arrives. */
class SendCoalescingTest {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  @Test
  void concurrentSendsAreCoalescedYetEachCallerGetsItsOwnReceipt() throws Exception {
    RocketMqConfig config = RocketMqConfig.builder(ROCKETMQ.broker().nameServerAddress()).coalesceSends(true)
        .producerGroup("coalescing-test").build();
    try (Messaging messaging = RocketMqMessaging.start(config)) {
      Topic topic = Topic.of("coalesce-" + System.nanoTime());
      messaging.admin().createTopic(topic, 4).get();
      ExecutorService callers = Executors.newFixedThreadPool(16);
      List<CompletableFuture<Either<PublishFailure, SendReceipt>>> sync = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        Message m = Message.builder(topic).body("sync-" + i).key("k" + i).build();
        sync.add(CompletableFuture.supplyAsync(() -> messaging.publisher().send(m), callers));
      }
      List<CompletableFuture<Either<PublishFailure, SendReceipt>>> async = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        async.add(messaging.publisher().sendAsync(Message.of(topic, "async-" + i)).toCompletableFuture());
      }
      Set<String> ids = new HashSet<>();
      Set<String> positions = new HashSet<>();
      for (var f : concat(sync, async)) {
        SendReceipt receipt = f.join().getOrElseThrow(failure -> new AssertionError(failure.description()));
        ids.add(receipt.messageId());
        positions.add(receipt.queueId() + "@" + receipt.queueOffset().get());
      }
      callers.shutdown();
      assertEquals(800, ids.size(), "every caller got its own message id");
      assertEquals(800, positions.size(), "every receipt names its own queue offset");
      Set<String> received = ConcurrentHashMap.newKeySet();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("coalesce-check")).build(),
          m -> {
            received.add(m.messageId());
            return HandlerResult.success();
          });
      assertTrue(Waiting.wallClock().awaitUntil(() -> received.containsAll(ids), Duration.ofSeconds(60)), "every message arrived");
    }
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
