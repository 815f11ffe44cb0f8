package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.InMemoryConfig;
import dev.rocketport.inmemory.broker.Journal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Model details beyond the shared contract: the full default ladder in virtual time, the journal, allocation. */
class InMemoryModelTest {

  @Test
  void theFullSixteenRetryLadderRunsInVirtualTime() {
    try (InMemoryMessaging messaging = InMemoryMessaging.virtualClock()) {
      Topic topic = Topic.of("ladder");
      messaging.admin().createTopic(topic, 1).get();
      List<Instant> attempts = new CopyOnWriteArrayList<>();
      var spec = SubscriptionSpec.builder(topic, ConsumerGroup.of("g")).build();
      messaging.subscriber().subscribe(spec, m -> {
        attempts.add(messaging.broker().now());
        return HandlerResult.retry();
      });
      Instant start = messaging.broker().now();
      String id = messaging.publisher().send(Message.of(topic, "poison")).get().messageId();
      messaging.broker().advance(Duration.ofHours(5));
      assertEquals(17, attempts.size(), "1 delivery + 16 retries");
      Duration total = Duration.between(start, attempts.get(16));
      // 10s + 30s + (1+2+...+10)m + 20m + 30m + 1h + 2h = 4h 45m 40s
      assertEquals(Duration.ofHours(4).plusMinutes(45).plusSeconds(40), total);
      assertEquals(1, messaging.admin().deadLetters(spec.group(), 10).get().size());
      assertTrue(messaging.broker().journal().eventsOf(id).stream()
          .anyMatch(e -> e.kind() == Journal.Kind.DEAD_LETTERED));
    }
  }

  @Test
  void retentionDropsTheOldestMessagesAndLateReadersSkipAhead() {
    try (InMemoryMessaging messaging = InMemoryMessaging.virtualClock(InMemoryConfig.builder().maxMessagesPerQueue(10).build())) {
      Topic topic = Topic.of("retention");
      messaging.admin().createTopic(topic, 1).get();
      for (int i = 0; i < 50; i++) {
        messaging.publisher().send(Message.of(topic, "m" + i)).get();
      }
      List<String> got = new CopyOnWriteArrayList<>();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("late")).concurrency(1).build(), m -> {
        got.add(m.bodyAsString());
        return HandlerResult.success();
      });
      messaging.broker().awaitQuiescence();
      assertTrue(got.size() >= 10 && got.size() <= 13, "kept the newest ~10: " + got);
      assertEquals("m49", got.get(got.size() - 1), "in queue order: " + got);
    }
  }

  @Test
  void advanceNeedsAVirtualClock() {
    try (InMemoryBroker broker = InMemoryBroker.wallClock()) {
      assertThrows(IllegalStateException.class, () -> broker.advance(Duration.ofSeconds(1)));
    }
  }

  @Test
  void runtimesOnOneBrokerShareTopicsAndOffsets() {
    try (InMemoryBroker broker = InMemoryBroker.virtualClock()) {
      Topic topic = Topic.of("shared");
      try (InMemoryMessaging first = InMemoryMessaging.connect(broker)) {
        first.admin().createTopic(topic, 2).get();
        first.publisher().send(Message.of(topic, "from the first runtime")).get();
      }
      try (InMemoryMessaging second = InMemoryMessaging.connect(broker)) {
        List<String> got = new CopyOnWriteArrayList<>();
        second.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("g")).build(), m -> {
          got.add(m.bodyAsString());
          return HandlerResult.success();
        });
        broker.awaitQuiescence();
        assertEquals(List.of("from the first runtime"), got);
      }
    }
  }
}
