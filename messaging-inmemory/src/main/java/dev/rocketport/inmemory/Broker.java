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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory broker's state: topics of queues (append-only logs), the key index, consumer
 * groups, dead letters, and the accounting of work in flight that {@link #awaitQuiescence} waits
 * on. All state is guarded by one lock; handlers and user callbacks never run under it. The
 * topic table itself is readable without the lock (a topic's queue array is replaced, never
 * changed in place), so that publishers look up topics and pick queues without taking it.
 */
final class Broker implements GroupHost {
  final ReentrantLock lock = new ReentrantLock();
  private final Condition quiet = lock.newCondition();
  final Scheduler scheduler;
  final InMemoryConfig config;
  final Journal journal;

  private final Map<String, TopicQueues> topics = new ConcurrentHashMap<>();
  private final Map<String, List<StoredEntry>> keyIndex = new HashMap<>();
  private final Map<String, ConsumerGroupState> groups = new LinkedHashMap<>();
  private final DeadLetterLedger deadLetters = new DeadLetterLedger();
  private final AtomicInteger work = new AtomicInteger();

  /** A topic's queues (replaced as a whole when queues are added, under the lock) and its round-robin cursor. */
  private static final class TopicQueues {
    volatile QueueLog[] queues;
    final AtomicInteger next = new AtomicInteger();

    TopicQueues(QueueLog[] queues) {
      this.queues = queues;
    }
  }

  Broker(Scheduler scheduler, InMemoryConfig config) {
    this.scheduler = scheduler;
    this.config = config;
    this.journal = new Journal(config.journalCapacity());
  }
  @Override
  public Instant now() {
    return scheduler.now();
  }

  static String newMessageId() {
    return MessageIds.next();
  }

  // ---- topics -------------------------------------------------------------------------------

  void createTopic(String topic, int queueCount) {
    lock.lock();
    try {
      TopicQueues existing = topics.get(topic);
      QueueLog[] queues = existing == null ? new QueueLog[0] : existing.queues;
      if (queues.length < queueCount) {
        QueueLog[] grown = java.util.Arrays.copyOf(queues, queueCount);
        for (int q = queues.length; q < queueCount; q++) {
          grown[q] = new QueueLog(config.maxMessagesPerQueue());
        }
        if (existing == null) {
          topics.put(topic, new TopicQueues(grown));
        } else {
          existing.queues = grown;
        }
      }
      groups.values().forEach(ConsumerGroupState::refreshQueues);
      pumpAll();
    } finally {
      lock.unlock();
    }
  }

  /** Lock-free. */
  @Override
  public boolean topicExists(String topic) {
    return topics.containsKey(topic);
  }

  /** Lock-free. */
  @Override
  public int queueCount(String topic) {
    TopicQueues t = topics.get(topic);
    return t == null ? 0 : t.queues.length;
  }

  /** The log of an existing queue. */
  @Override
  public QueueLog log(QueueRef ref) {
    return topics.get(ref.topic()).queues[ref.queueId()];
  }

  /** The next queue of existing {@code topic} in round-robin order, as RocketMQ's producer picks them. Lock-free. */
  int selectQueue(String topic) {
    TopicQueues t = topics.get(topic);
    return Math.floorMod(t.next.incrementAndGet(), t.queues.length);
  }

  /** Appends to a queue, indexes the keys of user topics, and lets subscribers at it. */
  @Override
  public StoredEntry append(QueueRef ref, Message message, String messageId, Instant bornTime, int reconsumeTimes) {
    lock.lock();
    try {
      StoredEntry entry = store(ref, message, messageId, bornTime, now(), reconsumeTimes);
      pumpConsumersOf(ref.topic());
      return entry;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Appends like {@link #append} but dispatches nothing: the caller, holding the lock, calls
   * {@link #pumpConsumersOf} once after a run of appends. A system topic ({@code %RETRY%},
   * {@code %DLQ%}) is created with one queue on first use.
   */
  StoredEntry store(QueueRef ref, Message message, String messageId, Instant bornTime, Instant storeTime,
      int reconsumeTimes) {
    QueueLog log = topics.computeIfAbsent(ref.topic(),
        t -> new TopicQueues(new QueueLog[] {new QueueLog(config.maxMessagesPerQueue())})).queues[ref.queueId()];
    StoredEntry entry = new StoredEntry(message, messageId, ref, log.maxOffset(), bornTime, storeTime, reconsumeTimes);
    log.append(entry);
    if (!message.keys().isEmpty() && !ref.topic().startsWith("%")) {
      for (MessageKey key : message.keys()) {
        index(ref.topic(), key, entry, log.minOffset());
      }
    }
    if (journal.enabled()) {
      journal.record(entry.storeTime(), messageId, Journal.Kind.SENT, ref.topic() + "/" + ref.queueId()
          + "@" + entry.offset());
    }
    return entry;
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
    return groups.computeIfAbsent(name, n -> new ConsumerGroupState(this, config, journal, n));
  }

  ConsumerGroupState existingGroup(String name) {
    return groups.get(name);
  }

  @Override
  public void deadLetter(String group, StoredEntry entry, int attempts) {
    QueueRef dlq = new QueueRef(QueueRef.deadLetterTopic(group), 0);
    StoredEntry stored = append(dlq, entry.message(), entry.messageId(), entry.bornTime(), entry.reconsumeTimes());
    deadLetters.record(new DeadLetter(ConsumerGroup.of(group), stored.stored(), attempts));
    journal.record(now(), entry.messageId(), Journal.Kind.DEAD_LETTERED, dlq.topic() + " after " + attempts
        + " attempts");
  }

  List<DeadLetter> pendingDeadLetters(String group) {
    lock.lock();
    try {
      return deadLetters.pending(group);
    } finally {
      lock.unlock();
    }
  }

  void markRedriven(String group, int count) {
    lock.lock();
    try {
      deadLetters.markRedriven(group, count);
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
  void pumpConsumersOf(String topic) {
    for (ConsumerGroupState g : groups.values()) {
      if (g.consumes(topic)) {
        g.pump();
      }
    }
  }

  /** Schedules {@code action} at {@code at}; it runs under the broker lock, then dispatches. */
  @Override
  public void at(Instant at, Runnable action) {
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

  /** Counts one more task in flight (a handler run, an asynchronous send, a check). Lock-free. */
  void beginWork() {
    work.incrementAndGet();
  }

  /** Ends a task; the last one wakes {@link #awaitQuiescence} waiters (who test the count under the lock). */
  void endWork() {
    if (work.decrementAndGet() == 0) {
      lock.lock();
      try {
        quiet.signalAll();
      } finally {
        lock.unlock();
      }
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
    return awaitUnderLock(() -> work.get() == 0, timeoutNanos);
  }

  /** Waits until no handler, asynchronous send or transaction check is running. */
  void awaitQuiescence() {
    if (!awaitUnderLock(() -> work.get() == 0, TimeUnit.MINUTES.toNanos(5))) {
      throw new IllegalStateException("in-memory broker still busy after 5 minutes (" + work
          + " tasks): a handler may be blocked");
    }
  }
}
