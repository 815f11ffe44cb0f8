package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.admin.DeadLetter;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The broker's dead-letter operations for the admin port: the pending letters of a group, and
 * redriving them — all of a group's, or one — as new messages on their original topics, each marked
 * redriven in the {@link DeadLetterLedger}. Thread-safe: every method takes the broker lock.
 */
public final class DeadLetterDesk {
  private final Work work;
  private final Topics topics;
  private final BrokerCore core;
  private final DeadLetterLedger ledger;
  private final Journal journal;
  private final Supplier<Instant> clock;

  DeadLetterDesk(Work work, Topics topics, BrokerCore core, DeadLetterLedger ledger, Journal journal,
      Supplier<Instant> clock) {
    this.work = work;
    this.topics = topics;
    this.core = core;
    this.ledger = ledger;
    this.journal = journal;
    this.clock = clock;
  }

  /** The letters of {@code group} not yet redriven, oldest first. */
  public List<DeadLetter> pending(String group) {
    work.lock.lock();
    try {
      return ledger.pending(group);
    } finally {
      work.lock.unlock();
    }
  }

  /** Republishes {@code group}'s pending dead letters to their topics as new messages; returns how many. */
  public int redriveAll(String group) {
    work.lock.lock();
    try {
      List<DeadLetter> pending = ledger.pending(group);
      pending.forEach(this::redriveUnderLock);
      return pending.size();
    } finally {
      work.lock.unlock();
    }
  }

  /** Republishes {@code letter} as a new message if it is pending; empty if it is not. */
  public Option<SendReceipt> redrive(DeadLetter letter) {
    work.lock.lock();
    try {
      return ledger.isPending(letter) ? Option.some(redriveUnderLock(letter)) : Option.none();
    } finally {
      work.lock.unlock();
    }
  }

  private SendReceipt redriveUnderLock(DeadLetter letter) {
    String topic = letter.message().topic().name();
    String id = core.nextMessageId();
    Instant now = clock.get();
    QueueRef ref = new QueueRef(topic, topics.selectQueue(topic));
    StoredEntry copy = core.append(ref, letter.message(), id, now, 0);
    ledger.markRedriven(letter, id);
    journal.record(now, letter.messageId(), Journal.Kind.REDRIVEN, "as " + id);
    return new SendReceipt(id, letter.message().topic(), ref.queueId(), Option.some(copy.offset()));
  }
}
