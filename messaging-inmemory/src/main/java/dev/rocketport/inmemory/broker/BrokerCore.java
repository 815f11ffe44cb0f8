package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.admin.DeadLetter;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The broker as its consumer groups and half messages see it ({@link GroupHost}): storage that
 * dispatches, dead-lettering, timers that run under the lock, and the work accounting. Thread-safe.
 */
final class BrokerCore implements GroupHost {
  private final Scheduler scheduler;
  private final Work work;
  private final Topics topics;
  private final Groups groups;
  private final DeadLetterLedger deadLetters;
  private final Journal journal;
  private final MessageIds ids;
  private final Faults faults;
  private final boolean simulated;

  BrokerCore(Scheduler scheduler, Work work, Topics topics, DeadLetterLedger deadLetters, Journal journal,
      InMemoryConfig config, MessageIds ids, Faults faults, boolean simulated) {
    this.scheduler = scheduler;
    this.work = work;
    this.topics = topics;
    this.groups = new Groups(this, config, journal);
    this.deadLetters = deadLetters;
    this.journal = journal;
    this.ids = ids;
    this.faults = faults;
    this.simulated = simulated;
  }

  /** The broker's consumer groups, which reach it through this core. */
  Groups groups() {
    return groups;
  }

  @Override
  public Instant now() {
    return scheduler.now();
  }

  @Override
  public boolean topicExists(String topic) {
    return topics.exists(topic);
  }

  @Override
  public int queueCount(String topic) {
    return topics.queueCount(topic);
  }

  @Override
  public QueueLog log(QueueRef ref) {
    return topics.log(ref);
  }

  @Override
  public StoredEntry append(QueueRef ref, Message message, String messageId, Instant bornTime, int reconsumeTimes) {
    work.lock.lock();
    try {
      StoredEntry entry = topics.store(ref, message, messageId, bornTime, now(), reconsumeTimes);
      groups.pumpConsumersOf(ref.topic());
      return entry;
    } finally {
      work.lock.unlock();
    }
  }

  @Override
  public void deadLetter(String group, StoredEntry entry, int attempts, Option<String> rejectReason) {
    QueueRef dlq = new QueueRef(QueueRef.deadLetterTopic(group), 0);
    StoredEntry stored = append(dlq, entry.message(), entry.messageId(), entry.bornTime(), entry.reconsumeTimes());
    deadLetters.record(group, stored.stored(), attempts, rejectReason);
    journal.record(now(), entry.messageId(), Journal.Kind.DEAD_LETTERED, dlq.topic() + " after " + attempts
        + " attempts" + rejectReason.map(r -> ", rejected: " + r).getOrElse(""));
  }

  /** Schedules {@code action} at {@code at}; it runs under the broker lock, then dispatches. */
  @Override
  public void at(Instant at, Runnable action) {
    scheduler.schedule(at, () -> {
      work.lock.lock();
      try {
        action.run();
        groups.pumpAll();
      } finally {
        work.lock.unlock();
      }
    });
  }

  @Override
  public ReentrantLock lock() {
    return work.lock;
  }

  @Override
  public void beginWork() {
    work.begin();
  }

  @Override
  public void endWork() {
    work.end();
  }

  @Override
  public void signalChange() {
    work.signalChange();
  }

  @Override
  public String nextMessageId() {
    return ids.next();
  }

  @Override
  public String nextTransactionId() {
    return ids.transactionId();
  }

  @Override
  public Faults faults() {
    return faults;
  }

  @Override
  public boolean simulated() {
    return simulated;
  }
}
