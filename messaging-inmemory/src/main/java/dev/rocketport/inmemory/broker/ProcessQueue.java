package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.SqlFilter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A consumer's view of one queue, as RocketMQ's client keeps it: the next offset to fetch, the
 * runs of offsets fetched but not yet acknowledged, and for orderly consumption whether the queue
 * is busy or suspended and how often its head message has been retried. The committed offset is
 * the smallest unacknowledged offset. Guarded by the broker lock.
 */
final class ProcessQueue<M> {
  private static final java.time.Duration PERSIST_INTERVAL = java.time.Duration.ofSeconds(5);
  final QueueRef ref;
  private final boolean retryQueue;
  long nextOffset;
  /** Runs handed out and not yet acknowledged, in offset order: {from, toExclusive, acknowledged ? 1 : 0}. */
  private final ArrayDeque<long[]> unacked = new ArrayDeque<>();
  /** The member consuming this queue, and the one the last rebalance chose (they differ while a handover waits). */
  @Nullable M owner;
  @Nullable M desiredOwner;
  boolean busy;
  int headRetries;
  Instant suspendedUntil = Instant.MIN;

  /** Set once a simulated crash or hand-over replaced this view: its runs still in flight count for nothing. */
  boolean dropped;
  /** Whether the current hand-over has had its chance of a {@link Fault#REBALANCE_DUPLICATE}. */
  boolean handOverRolled;
  private long persistedOffset = -1;
  private Instant nextPersist = Instant.MIN;

  private @Nullable SqlFilter sql;

  ProcessQueue(QueueRef ref, boolean retryQueue) {
    this.ref = ref;
    this.retryQueue = retryQueue;
  }

  /** A fresh view of the same queue, as a restarted or new owner reads it from {@code offset}. */
  ProcessQueue<M> restartAt(long offset, M newOwner) {
    ProcessQueue<M> fresh = new ProcessQueue<>(ref, retryQueue);
    fresh.nextOffset = offset;
    fresh.owner = newOwner;
    fresh.desiredOwner = desiredOwner;
    fresh.sql = sql;
    return fresh;
  }

  /**
   * Takes the committed offset as persisted if a persistence tick has passed (RocketMQ's client
   * persists offsets every 5 s); called before the offset moves, so a tick since the last move saw the
   * offset as it is now.
   */
  void persistIfDue(Instant now) {
    if (persistedOffset < 0 || !now.isBefore(nextPersist)) {
      persistedOffset = committedOffset();
      nextPersist = now.plus(PERSIST_INTERVAL);
    }
  }

  /** The offset a restarted owner would read from: the last persisted one. */
  long persistedOffset(Instant now) {
    persistIfDue(now);
    return persistedOffset;
  }

  long committedOffset() {
    return unacked.isEmpty() ? nextOffset : unacked.peekFirst()[0];
  }

  boolean idle() {
    return unacked.isEmpty() && !busy;
  }

  /**
   * The next messages to hand to a handler thread, or an empty list; marks them in flight. A batch
   * subscription gets one batch; a single-message one gets a run of up to {@code run} consecutive
   * messages, handled one by one by the same thread (as RocketMQ's client consumes a pulled batch;
   * an orderly run stops at its first failure, and the rest of it is fetched again later).
   */
  List<StoredEntry> nextBatch(QueueLog log, SubscriptionSpec spec, Supplier<Instant> clock, int run) {
    boolean orderly = spec.ordering() == Ordering.ORDERLY;
    int max = spec.batchSize().getOrElse(run);
    if (orderly && (busy || suspendedUntil != Instant.MIN && clock.get().isBefore(suspendedUntil))) {
      return List.of();
    }
    if (nextOffset < log.minOffset()) {
      nextOffset = log.minOffset();
      headRetries = 0;
    }
    if (nextOffset >= log.maxOffset()) {
      return List.of();
    }
    List<StoredEntry> batch = new ArrayList<>(Math.min(max, 32));
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
      unacked.addLast(new long[] {batch.get(0).offset(), nextOffset, 0});
    }
    return batch;
  }

  /** Acknowledges a whole run handed out by {@link #nextBatch} to a concurrent subscription. */
  void acknowledge(List<StoredEntry> run) {
    long from = run.get(0).offset();
    for (long[] r : unacked) {
      if (r[0] == from) {
        r[2] = 1;
        break;
      }
    }
    while (!unacked.isEmpty() && unacked.peekFirst()[2] == 1) {
      unacked.removeFirst();
    }
  }

  /** Moves an orderly queue past {@code batch}. */
  void advancePast(List<StoredEntry> batch) {
    nextOffset = batch.get(batch.size() - 1).offset() + 1;
    busy = false;
    headRetries = 0;
    suspendedUntil = Instant.MIN;
  }

  private boolean matches(Filter filter, StoredEntry entry) {
    if (filter instanceof Filter.Tags tags) {
      return entry.message().tag().exists(tags.tags()::contains);
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
