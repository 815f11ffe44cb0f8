package dev.rocketport.inmemory;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.DeadLetter;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory broker's state: topics of queues (append-only logs), the key index, consumer
 * groups, dead letters, and the accounting of work in flight that {@link #awaitQuiescence} waits
 * on. All state is guarded by one lock; handlers and user callbacks never run under it.
 */
final class Broker {
  final ReentrantLock lock = new ReentrantLock();
  private final Condition quiet = lock.newCondition();
  final Scheduler scheduler;
  final InMemoryConfig config;
  final Journal journal;
  private final Map<String, List<QueueLog>> topics = new HashMap<>();
  private final Map<String, Integer> nextQueue = new HashMap<>();
  private final Map<String, List<StoredEntry>> keyIndex = new HashMap<>();
  private final Map<String, ConsumerGroupState> groups = new LinkedHashMap<>();
  private final Map<String, List<DeadLetter>> deadLetters = new HashMap<>();
  private final Map<String, Integer> redriven = new HashMap<>();
  private int work;

  Broker(Scheduler scheduler, InMemoryConfig config) {
    this.scheduler = scheduler;
    this.config = config;
    this.journal = new Journal(config.journalCapacity());
  }

  Instant now() {
    return scheduler.now();
  }

  static String newMessageId() {
    UUID u = UUID.randomUUID();
    return String.format("%016X%016X", u.getMostSignificantBits(), u.getLeastSignificantBits());
  }

  // ---- topics -------------------------------------------------------------------------------

  void createTopic(String topic, int queueCount) {
    lock.lock();
    try {
      List<QueueLog> queues = topics.computeIfAbsent(topic, t -> new ArrayList<>());
      while (queues.size() < queueCount) {
        queues.add(new QueueLog(config.maxMessagesPerQueue()));
      }
      groups.values().forEach(ConsumerGroupState::refreshQueues);
      pumpAll();
    } finally {
      lock.unlock();
    }
  }

  boolean topicExists(String topic) {
    lock.lock();
    try {
      return topics.containsKey(topic);
    } finally {
      lock.unlock();
    }
  }

  int queueCount(String topic) {
    lock.lock();
    try {
      List<QueueLog> queues = topics.get(topic);
      return queues == null ? 0 : queues.size();
    } finally {
      lock.unlock();
    }
  }

  QueueLog log(QueueRef ref) {
    return topics.get(ref.topic()).get(ref.queueId());
  }

  /** The next queue of {@code topic} in round-robin order, as RocketMQ's producer picks them. */
  int selectQueue(String topic) {
    lock.lock();
    try {
      int count = topics.get(topic).size();
      int q = nextQueue.merge(topic, 1, Integer::sum) % count;
      return Math.floorMod(q, count);
    } finally {
      lock.unlock();
    }
  }

  /** Appends to a queue, indexes the keys of user topics, and lets subscribers at it. */
  StoredEntry append(QueueRef ref, Message message, String messageId, Instant bornTime, int reconsumeTimes) {
    lock.lock();
    try {
      QueueLog log = topics.computeIfAbsent(ref.topic(),
          t -> new ArrayList<>(List.of(new QueueLog(config.maxMessagesPerQueue())))).get(ref.queueId());
      StoredEntry entry = new StoredEntry(message, messageId, ref, log.maxOffset(), bornTime, now(), reconsumeTimes);
      log.append(entry);
      if (!ref.topic().startsWith("%")) {
        for (MessageKey key : message.keys()) {
          index(ref.topic(), key, entry, log.minOffset());
        }
      }
      if (journal.enabled()) {
        journal.record(entry.storeTime(), messageId, Journal.Kind.SENT, ref.topic() + "/" + ref.queueId()
            + "@" + entry.offset());
      }
      pumpConsumersOf(ref.topic());
      return entry;
    } finally {
      lock.unlock();
    }
  }

  /** Adds {@code entry} to the key index, forgetting entries of that key that fell off their queue. */
  private void index(String topic, MessageKey key, StoredEntry entry, long minOffset) {
    List<StoredEntry> entries = keyIndex.computeIfAbsent(indexKey(topic, key), k -> new ArrayList<>());
    entries.removeIf(e -> e.queue().queueId() == entry.queue().queueId() && e.offset() < minOffset);
    entries.add(entry);
  }

  List<StoredEntry> findByKey(String topic, MessageKey key, int max) {
    lock.lock();
    try {
      List<StoredEntry> found = keyIndex.getOrDefault(indexKey(topic, key), List.of());
      return List.copyOf(found.subList(0, Math.min(max, found.size())));
    } finally {
      lock.unlock();
    }
  }

  private static String indexKey(String topic, MessageKey key) {
    return topic + '\n' + key.value();
  }

  // ---- groups and dead letters ----------------------------------------------------------------

  ConsumerGroupState group(String name) {
    return groups.computeIfAbsent(name, n -> new ConsumerGroupState(this, n));
  }

  ConsumerGroupState existingGroup(String name) {
    return groups.get(name);
  }

  void deadLetter(String group, StoredEntry entry, int attempts) {
    QueueRef dlq = new QueueRef(QueueRef.deadLetterTopic(group), 0);
    StoredEntry stored = append(dlq, entry.message(), entry.messageId(), entry.bornTime(), entry.reconsumeTimes());
    deadLetters.computeIfAbsent(group, g -> new ArrayList<>())
        .add(new DeadLetter(ConsumerGroup.of(group), stored.stored(), attempts));
    journal.record(now(), entry.messageId(), Journal.Kind.DEAD_LETTERED, dlq.topic() + " after " + attempts
        + " attempts");
  }

  List<DeadLetter> pendingDeadLetters(String group) {
    lock.lock();
    try {
      List<DeadLetter> all = deadLetters.getOrDefault(group, List.of());
      return List.copyOf(all.subList(redriven.getOrDefault(group, 0), all.size()));
    } finally {
      lock.unlock();
    }
  }

  void markRedriven(String group, int count) {
    lock.lock();
    try {
      redriven.merge(group, count, Integer::sum);
    } finally {
      lock.unlock();
    }
  }

  // ---- dispatching and quiescence -------------------------------------------------------------

  void pumpAll() {
    lock.lock();
    try {
      for (ConsumerGroupState g : groups.values()) {
        g.pump();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Dispatches for the groups that consume {@code topic} only. Call under the lock. */
  private void pumpConsumersOf(String topic) {
    for (ConsumerGroupState g : groups.values()) {
      if (g.consumes(topic)) {
        g.pump();
      }
    }
  }

  /** Schedules {@code action} at {@code at}; it runs under the broker lock, then dispatches. */
  void at(Instant at, Runnable action) {
    scheduler.schedule(at, () -> {
      lock.lock();
      try {
        action.run();
        pumpAll();
      } finally {
        lock.unlock();
      }
    });
  }

  void beginWork() {
    lock.lock();
    try {
      work++;
    } finally {
      lock.unlock();
    }
  }

  void endWork() {
    lock.lock();
    try {
      work--;
      if (work == 0) {
        quiet.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Signals waiters that something changed (a member went idle, say). Call under the lock. */
  void signalChange() {
    quiet.signalAll();
  }

  /** Waits, at most {@code timeoutNanos}, for {@code done} (evaluated under the lock). */
  boolean awaitUnderLock(java.util.function.BooleanSupplier done, long timeoutNanos) {
    lock.lock();
    try {
      long left = timeoutNanos;
      while (!done.getAsBoolean()) {
        if (left <= 0) {
          return false;
        }
        left = quiet.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Waits at most {@code timeoutNanos} for quiescence; returns whether it was reached. */
  boolean awaitQuiescence(long timeoutNanos) {
    return awaitUnderLock(() -> work == 0, timeoutNanos);
  }

  /** Waits until no handler, asynchronous send or transaction check is running. */
  void awaitQuiescence() {
    if (!awaitUnderLock(() -> work == 0, TimeUnit.MINUTES.toNanos(5))) {
      throw new IllegalStateException("in-memory broker still busy after 5 minutes (" + work
          + " tasks): a handler may be blocked");
    }
  }
}
