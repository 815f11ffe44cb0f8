package dev.rocketport.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.inmemory.broker.Fault;
import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.inmemory.broker.InjectedFault;
import dev.rocketport.inmemory.broker.Journal;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.DeliveryDelay;
import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.TransactionOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulated broker: one seed, one history; faults that keep the contract. */
class SimulationTest {
  private static final Duration QUIET = Duration.ofHours(6);

  /** What one run of {@link #workload} saw. */
  private record Outcome(List<Journal.Event> journal, List<InjectedFault> faults, Set<String> stored,
      Map<String, Set<String>> handledByGroup, Map<String, List<Integer>> orderlyByKey) {}

  /**
   * Sends 40 messages (resending on failure, as an application would), some delayed, some in a
   * transaction; a concurrent group of two members (one joining late) fails each message's first
   * attempt half the time; an orderly group records each key's sequence.
   */
  private static Outcome workload(long seed, FaultPlan plan) {
    try (InMemoryMessaging messaging = InMemoryMessaging.simulated(seed, plan)) {
      Topic topic = messaging.admin().createTopic(Topic.of("orders"), 4).get();
      Map<String, Set<String>> handled = new HashMap<>();
      Map<String, List<Integer>> orderly = new HashMap<>();
      SubscriptionSpec concurrent = SubscriptionSpec.builder(topic, ConsumerGroup.of("billing")).concurrency(4).build();
      messaging.subscriber().subscribe(concurrent, m -> {
        handled.computeIfAbsent("billing", k -> new HashSet<>()).add(m.bodyAsString());
        return m.deliveryAttempt() == 1 && m.bodyAsString().hashCode() % 2 == 0 ? HandlerResult.retry()
            : HandlerResult.success();
      });
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("ledger"))
          .ordering(Ordering.ORDERLY).build(), m -> {
            orderly.computeIfAbsent(m.header("key").get(), k -> new ArrayList<>())
                .add(Integer.parseInt(m.header("n").get()));
            handled.computeIfAbsent("ledger", k -> new HashSet<>()).add(m.bodyAsString());
            return HandlerResult.success();
          });
      Set<String> stored = new HashSet<>();
      for (int i = 0; i < 40; i++) {
        String key = "k" + (i % 3);
        Message message = Message.builder(topic).body("m" + i).header("key", key).header("n", String.valueOf(i))
            .build();
        if (i == 20) {
          messaging.subscriber().subscribe(concurrent, m -> {
            handled.computeIfAbsent("billing", k -> new HashSet<>()).add(m.bodyAsString());
            return HandlerResult.success();
          });
        }
        while (messaging.orderedPublisher().send(message, ShardingKey.of(key)).isLeft()) {
          messaging.broker().advance(Duration.ofSeconds(1)); // wait out an outage
        }
        stored.add("m" + i);
        if (i % 5 == 2) { // the rest stay in flight, so the member joining at 20 meets some
          messaging.broker().advance(Duration.ofMillis(100));
        }
      }
      Message delayed = Message.builder(topic).body("late").header("key", "d").header("n", "0")
          .delay(new DeliveryDelay.After(Duration.ofSeconds(10))).build();
      while (messaging.publisher().send(delayed).isLeft()) {
        messaging.broker().advance(Duration.ofSeconds(1));
      }
      stored.add("late");
      var tx = messaging.transactionalPublisher(ProducerGroup.of("tx"), check -> TransactionOutcome.COMMIT);
      Message inTx = Message.builder(topic).body("tx").header("key", "t").header("n", "0").build();
      while (tx.sendInTransaction(inTx, (m, id) -> TransactionOutcome.COMMIT).isLeft()) {
        messaging.broker().advance(Duration.ofSeconds(1));
      }
      stored.add("tx");
      assertTrue(messaging.broker().runUntilQuiet(QUIET), "quiet within " + QUIET);
      return new Outcome(messaging.broker().journal().events(), messaging.broker().injectedFaults(), stored,
          handled, orderly);
    }
  }

  @Test
  void oneSeedGivesOneHistory() {
    Outcome first = workload(42, FaultPlan.typical());
    Outcome second = workload(42, FaultPlan.typical());
    assertEquals(first.journal(), second.journal());
    assertEquals(first.faults(), second.faults());
    assertTrue(first.journal().size() > 100, "a real history: " + first.journal().size() + " events");
    assertNotEquals(first.journal(), workload(43, FaultPlan.typical()).journal(), "another seed, another history");
  }

  @Test
  void underEveryFaultTheContractHolds() {
    Set<Fault> seen = new HashSet<>();
    for (long seed = 1; seed <= 60; seed++) {
      Outcome o = workload(seed, FaultPlan.typical());
      o.faults().forEach(f -> seen.add(f.fault()));
      for (String group : List.of("billing", "ledger")) {
        Set<String> missing = new HashSet<>(o.stored());
        missing.removeAll(o.handledByGroup().getOrDefault(group, Set.of()));
        assertEquals(Set.of(), missing, "seed " + seed + ": group " + group + " never handled these");
      }
      o.orderlyByKey().forEach((key, seq) -> {
        int highest = -1;
        Set<Integer> seenValues = new HashSet<>();
        for (int n : seq) {
          // a replay repeats what came before; a first delivery comes after all smaller ones of its key
          if (!seenValues.contains(n)) {
            assertTrue(n > highest, "order broken for " + key + ": " + seq);
            highest = n;
            seenValues.add(n);
          }
        }
      });
    }
    assertTrue(seen.containsAll(Set.of(Fault.CRASH_REDELIVERY, Fault.SEND_STORED_UNKNOWN, Fault.SEND_LOST_UNKNOWN,
        Fault.BROKER_OUTAGE, Fault.LATE_DELIVERY, Fault.LOST_TRANSACTION_END, Fault.REBALANCE_DUPLICATE)),
        "faults injected over 60 seeds: " + seen);
  }

  @Test
  void badPlansAreRefusedNamingTheField() {
    var rate = assertThrows(InvalidArgumentException.class,
        () -> FaultPlan.builder().rate(Fault.CRASH_REDELIVERY, 1.5));
    assertEquals("crashRedelivery", rate.field());
    assertEquals("lateDelivery", assertThrows(InvalidArgumentException.class,
        () -> FaultPlan.builder().rate(Fault.LATE_DELIVERY, -0.1)).field());
    assertEquals("reordering", assertThrows(InvalidArgumentException.class,
        () -> FaultPlan.builder().rateFor(ConsumerGroup.of("ledger"), DeliveryMode.CLUSTERING, Ordering.ORDERLY,
            Fault.REORDERING, 0.5)).field());
    assertEquals("plan", assertThrows(InvalidArgumentException.class, () -> InMemoryBroker.simulated(1, null))
        .field());
    assertEquals("maxOutage", assertThrows(InvalidArgumentException.class,
        () -> FaultPlan.builder().maxOutage(Duration.ZERO)).field());
  }

  @Test
  void aGroupSubscribingOtherwiseThanItsPlanDeclaresIsRefused() {
    FaultPlan plan = FaultPlan.builder().rateFor(ConsumerGroup.of("ledger"), DeliveryMode.CLUSTERING,
        Ordering.CONCURRENT, Fault.REORDERING, 0.5).build();
    try (InMemoryMessaging messaging = InMemoryMessaging.simulated(7, plan)) {
      Topic topic = messaging.admin().createTopic(Topic.of("orders"), 2).get();
      var refused = assertThrows(InvalidArgumentException.class, () -> messaging.subscriber().subscribe(
          SubscriptionSpec.builder(topic, ConsumerGroup.of("ledger")).ordering(Ordering.ORDERLY).build(),
          m -> HandlerResult.success()));
      assertEquals("faults", refused.field());
    }
  }
}
