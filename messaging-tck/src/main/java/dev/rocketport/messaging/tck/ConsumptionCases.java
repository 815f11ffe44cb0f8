package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Topic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Batch consumption, handler concurrency, and no loss under concurrent publishers and subscribers. */
public abstract class ConsumptionCases extends TckCases {

  @Test
  @DisplayName("a batch subscription gets lists of at most batchSize messages, and every message")
  void batchConsumption() {
    Topic topic = ctx().topic(1);
    Inbox inbox = inbox();
    for (int i = 0; i < 40; i++) {
      ctx().sent(text(topic, "b" + i));
    }
    ctx().track(messaging().subscriber().subscribeBatch(spec(topic).batchSize(8).build(), inbox.batchHandler()));
    ctx().await("40 messages", () -> inbox.ids().size() == 40);
    assertTrue(inbox.batchSizes().stream().allMatch(s -> s >= 1 && s <= 8), "sizes " + inbox.batchSizes());
    assertTrue(inbox.batchSizes().stream().anyMatch(s -> s > 1), "some batch had more than one message");
  }

  @Test
  @DisplayName("a failed batch is redelivered whole")
  void failedBatchRedelivered() {
    Topic topic = ctx().topic(1);
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    Inbox inbox = inbox().answering(m -> m.bodyAsString().equals("bad") && failedOnce.add("bad")
        ? HandlerResult.retry() : HandlerResult.success());
    ctx().sent(text(topic, "good"));
    ctx().sent(text(topic, "bad"));
    ctx().track(messaging().subscriber().subscribeBatch(spec(topic).batchSize(8).build(), inbox.batchHandler()));
    ctx().await("both messages twice", () -> inbox.size() >= 4);
    assertEquals(2, inbox.bodies().stream().filter("good"::equals).count());
  }

  @Test
  @DisplayName("handlers never run more than 'concurrency' at a time")
  void concurrencyBound() {
    Topic topic = ctx().topic(4);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    Inbox inbox = inbox().answering(m -> {
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      for (int spin = 0; spin < 20_000; spin++) {
        Thread.onSpinWait();
      }
      running.decrementAndGet();
      return HandlerResult.success();
    });
    subscribe(spec(topic).concurrency(3), inbox);
    for (int i = 0; i < 200; i++) {
      ctx().sent(text(topic, "c" + i));
    }
    ctx().await("200 messages", () -> inbox.ids().size() == 200);
    assertTrue(peak.get() <= 3, "peak concurrency " + peak.get());
  }

  @Test
  @DisplayName("4 concurrent publishers and 2 members: all 800 messages arrive")
  void noLossUnderConcurrency() throws Exception {
    Topic topic = ctx().topic(4);
    var group = ctx().group();
    Inbox a = inbox();
    Inbox b = inbox();
    subscribe(dev.rocketport.messaging.SubscriptionSpec.builder(topic, group).build(), a);
    subscribe(dev.rocketport.messaging.SubscriptionSpec.builder(topic, group).build(), b);
    Set<String> ids = ConcurrentHashMap.newKeySet();
    List<Thread> publishers = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      int id = p;
      Thread t = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          ids.add(TckContext.stored(publisher().send(Message.of(topic, "p" + id + "-" + i))).messageId());
        }
      });
      publishers.add(t);
      t.start();
    }
    for (Thread t : publishers) {
      t.join(120_000);
    }
    assertEquals(800, ids.size());
    ctx().await("800 messages", () -> {
      Set<String> all = new HashSet<>(a.ids());
      all.addAll(b.ids());
      return all.containsAll(ids);
    });
  }
}
