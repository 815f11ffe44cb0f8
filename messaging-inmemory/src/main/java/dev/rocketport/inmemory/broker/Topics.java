package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker's storage: topics of queues (append-only logs) and the key index. Changes happen under
 * the broker lock; the topic table itself is readable without it (a topic's queue array is
 * replaced, never changed in place), so that publishers look up topics and pick queues lock-free.
 */
final class Topics {
  private final int retention;
  private final Journal journal;
  private final Map<String, TopicQueues> topics = new ConcurrentHashMap<>();
  private final Map<String, List<StoredEntry>> keyIndex = new HashMap<>();

  /** A topic's queues (replaced as a whole when queues are added) and its round-robin cursor. */
  private static final class TopicQueues {
    volatile QueueLog[] queues;
    final AtomicInteger next = new AtomicInteger();

    TopicQueues(QueueLog[] queues) {
      this.queues = queues;
    }
  }

  Topics(int retention, Journal journal) {
    this.retention = retention;
    this.journal = journal;
  }

  /** Creates {@code topic} or grows it to {@code queueCount} queues. Under the lock. */
  void create(String topic, int queueCount) {
    TopicQueues existing = topics.get(topic);
    QueueLog[] queues = existing == null ? new QueueLog[0] : existing.queues;
    if (queues.length >= queueCount) {
      return;
    }
    QueueLog[] grown = Arrays.copyOf(queues, queueCount);
    for (int q = queues.length; q < queueCount; q++) {
      grown[q] = new QueueLog(retention);
    }
    if (existing == null) {
      topics.put(topic, new TopicQueues(grown));
    } else {
      existing.queues = grown;
    }
  }

  boolean exists(String topic) {
    return topics.containsKey(topic);
  }

  int queueCount(String topic) {
    TopicQueues t = Objects.requireNonNull(topics.get(topic), topic);
    return t == null ? 0 : t.queues.length;
  }

  /** The log of an existing queue. */
  QueueLog log(QueueRef ref) {
    return Objects.requireNonNull(topics.get(ref.topic()), ref.topic()).queues[ref.queueId()];
  }

  /** The next queue of existing {@code topic} in round-robin order, as RocketMQ's producer picks them. */
  int selectQueue(String topic) {
    TopicQueues t = Objects.requireNonNull(topics.get(topic), topic);
    return Math.floorMod(t.next.incrementAndGet(), t.queues.length);
  }

  /**
   * Appends to a queue and indexes the keys of user topics; dispatches nothing. A system topic
   * ({@code %RETRY%}, {@code %DLQ%}) is created with one queue on first use. Under the lock.
   */
  StoredEntry store(QueueRef ref, Message message, String messageId, Instant bornTime, Instant storeTime,
      int reconsumeTimes) {
    QueueLog log = topics.computeIfAbsent(ref.topic(),
        t -> new TopicQueues(new QueueLog[] {new QueueLog(retention)})).queues[ref.queueId()];
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

  /** Under the lock. */
  List<StoredEntry> findByKey(String topic, MessageKey key, int max) {
    List<StoredEntry> found = keyIndex.getOrDefault(indexKey(topic, key), List.of());
    return List.copyOf(found.subList(0, Math.min(max, found.size())));
  }

  private static String indexKey(String topic, MessageKey key) {
    return topic + '\n' + key.value();
  }
}
