package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.Message;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a consumer group needs of the broker that holds it: time, the stored queues, retry and
 * dead-letter storage and timers — so that the group model depends on this, not on the
 * broker that creates and pumps it. Called under the broker lock, except {@link #lock()} and the work
 * accounting.
 */
interface GroupHost {

  Instant now();

  boolean topicExists(String topic);

  int queueCount(String topic);

  QueueLog log(QueueRef ref);

  StoredEntry append(QueueRef ref, Message message, String messageId, Instant bornTime, int reconsumeTimes);

  /** Parks {@code entry} in {@code group}'s dead-letter queue after {@code attempts} deliveries, rejected if a reason is given. */
  void deadLetter(String group, StoredEntry entry, int attempts, Option<String> rejectReason);

  /** Runs {@code action} under the broker lock at {@code at} (and wakes the dispatcher then). */
  void at(Instant at, Runnable action);

  /** The broker lock, which a group takes when a member reports verdicts. */
  ReentrantLock lock();

  /** Counts a run handed to a member as work in flight, until {@link #endWork()}. */
  void beginWork();

  void endWork();

  /** Wakes those waiting for a member to go idle. Under the lock. */
  void signalChange();

  /** A new message id. */
  String nextMessageId();

  /** A new transaction id. */
  String nextTransactionId();

  /** The faults to inject ({@link Faults#none()} unless simulated). */
  Faults faults();

  /** Whether the broker is a seeded simulation, whose handler calls are scheduled one by one. */
  boolean simulated();
}
