package dev.rocketport.inmemory;

import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.SubscriptionSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A consumer's view of one queue, as RocketMQ's client keeps it: the next offset to fetch, the
 * offsets fetched but not yet acknowledged, and for orderly consumption whether the queue is busy
 * or suspended and how often its head message has been retried. The committed offset is the
 * smallest unacknowledged offset. Guarded by the broker lock.
 */
final class ProcessQueue {
  final QueueRef ref;
  private final boolean retryQueue;
  long nextOffset;
  private final TreeSet<Long> unacked = new TreeSet<>();
  InMemorySubscription owner;
  InMemorySubscription desiredOwner;
  boolean busy;
  int headRetries;
  Instant suspendedUntil = Instant.MIN;

  private SqlFilter sql;

  ProcessQueue(QueueRef ref, boolean retryQueue) {
    this.ref = ref;
    this.retryQueue = retryQueue;
  }

  long committedOffset() {
    return unacked.isEmpty() ? nextOffset : unacked.first();
  }

  boolean idle() {
    return unacked.isEmpty() && !busy;
  }

  /**
   * The next messages to hand to a handler thread, or an empty list; marks them in flight. A batch
   * subscription gets one batch; a single-message concurrent one gets a run of up to {@code run}
   * messages, handled one by one by the same thread (as RocketMQ's client consumes a pulled batch).
   */
  List<StoredEntry> nextBatch(QueueLog log, SubscriptionSpec spec, Instant now, int run) {
    boolean orderly = spec.ordering() == Ordering.ORDERLY;
    int max = spec.batchSize().getOrElse(orderly ? 1 : run);
    if (orderly && (busy || now.isBefore(suspendedUntil))) {
      return List.of();
    }
    if (nextOffset < log.minOffset()) {
      nextOffset = log.minOffset();
      headRetries = 0;
    }
    List<StoredEntry> batch = new ArrayList<>(Math.min(max, 8));
    long cursor = nextOffset;
    while (batch.size() < max && cursor < log.maxOffset()) {
      StoredEntry entry = log.get(cursor);
      cursor++;
      if (retryQueue || matches(spec.filter(), entry)) {
        batch.add(entry);
      } else if (batch.isEmpty()) {
        nextOffset = cursor;
      } else {
        break;
      }
    }
    if (batch.isEmpty()) {
      return batch;
    }
    if (orderly) {
      busy = true;
    } else {
      nextOffset = batch.get(batch.size() - 1).offset() + 1;
      batch.forEach(e -> unacked.add(e.offset()));
    }
    return batch;
  }

  /** Acknowledges a batch of a concurrent subscription. */
  void acknowledge(List<StoredEntry> batch) {
    batch.forEach(e -> unacked.remove(e.offset()));
  }

  /** Moves an orderly queue past {@code batch}. */
  void advancePast(List<StoredEntry> batch) {
    nextOffset = batch.get(batch.size() - 1).offset() + 1;
    busy = false;
    headRetries = 0;
  }

  private boolean matches(Filter filter, StoredEntry entry) {
    if (filter instanceof Filter.Tags tags) {
      return tags.matches(entry.message().tag());
    }
    if (filter instanceof Filter.Sql expression) {
      if (sql == null) {
        sql = SqlFilter.parse(expression.expression());
      }
      return sql.test(entry.message().headers());
    }
    return true;
  }
}
