package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.Disposition;
import dev.rocketport.messaging.spi.WireRules;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a consumer group's messages after their {@link Disposition}, as RocketMQ does it:
 * acknowledge; redeliver on the ladder through the group's retry queue (concurrent) or suspend the
 * queue and redeliver in place (orderly); dead-letter after the last attempt or at once; discard
 * (broadcasting). Called under the broker lock.
 */
final class Verdicts {
  private final GroupHost host;
  private final InMemoryConfig config;
  private final Journal journal;
  private final String name;

  Verdicts(GroupHost host, InMemoryConfig config, Journal journal, String name) {
    this.host = host;
    this.config = config;
    this.journal = journal;
    this.name = name;
  }

  /**
   * Applies the dispositions of a run of {@code pq} handed to a member subscribed with {@code spec}:
   * {@code results.get(i)} is the disposition of {@code units.get(i)} (one message each, or one
   * batch). An orderly run may have fewer dispositions than units: it stopped at its first
   * redelivery. Called under the broker lock.
   */
  void apply(SubscriptionSpec spec, ProcessQueue<GroupMember> pq, List<StoredEntry> run,
      List<List<StoredEntry>> units, List<Disposition> results) {
    for (int i = 0; i < results.size(); i++) {
      Disposition result = results.get(i);
      List<StoredEntry> unit = units.get(i);
      boolean acknowledged = result instanceof Disposition.Acknowledge || result instanceof Disposition.Respond;
      if (result instanceof Disposition.DeadLetter deadLetter) {
        deadLetterNow(spec, pq, unit, deadLetter.reason());
      } else if (result instanceof Disposition.Discard) {
        unit.forEach(this::drop);
        if (spec.ordering() == Ordering.ORDERLY) {
          pq.advancePast(unit);
        }
      } else if (result instanceof Disposition.Redeliver redeliver) {
        Duration requested = redeliver.delay().getOrNull();
        if (spec.ordering() == Ordering.ORDERLY) {
          suspendOrGiveUp(spec, pq, unit, requested);
        } else {
          unit.forEach(e -> retryLater(spec, e, requested));
        }
      } else if (spec.ordering() == Ordering.ORDERLY) {
        pq.advancePast(unit);
      }
      if (acknowledged && journal.enabled()) {
        unit.forEach(e -> journal.record(host.now(), e.messageId(), Journal.Kind.ACKNOWLEDGED, name));
      }
    }
    if (spec.ordering() == Ordering.CONCURRENT) {
      pq.acknowledge(run);
    }
  }

  /** Dead-letters {@code unit} now with {@code reason}; an orderly queue moves past it. */
  private void deadLetterNow(SubscriptionSpec spec, ProcessQueue<GroupMember> pq, List<StoredEntry> unit,
      String reason) {
    if (spec.ordering() == Ordering.ORDERLY) {
      int attempts = pq.headRetries + 1;
      unit.forEach(e -> host.deadLetter(name, e, attempts, Option.some(reason)));
      pq.advancePast(unit);
    } else {
      unit.forEach(e -> host.deadLetter(name, e, e.reconsumeTimes() + 1, Option.some(reason)));
    }
  }

  /** An orderly queue suspends and redelivers its head in place, or dead-letters it after the last attempt. */
  private void suspendOrGiveUp(SubscriptionSpec spec, ProcessQueue<GroupMember> pq, List<StoredEntry> batch,
      @Nullable Duration requested) {
    if (pq.headRetries >= spec.maxRetries()) {
      int attempts = pq.headRetries + 1;
      batch.forEach(e -> host.deadLetter(name, e, attempts, Option.none()));
      pq.advancePast(batch);
    } else {
      pq.headRetries++;
      pq.busy = false;
      pq.suspendedUntil = host.now().plus(Objects.requireNonNullElse(requested, config.orderlySuspend()));
      batch.forEach(e -> journal.record(host.now(), e.messageId(), Journal.Kind.RETRY_SCHEDULED,
          "orderly, queue suspended until " + pq.suspendedUntil));
      host.at(pq.suspendedUntil, () -> { });
    }
  }

  private void retryLater(SubscriptionSpec spec, StoredEntry entry, @Nullable Duration requested) {
    if (entry.reconsumeTimes() >= spec.maxRetries()) {
      host.deadLetter(name, entry, entry.reconsumeTimes() + 1, Option.none());
      return;
    }
    int retry = entry.reconsumeTimes() + 1;
    var ladder = config.retryLadder();
    Duration delay = requested == null ? ladder.delayBeforeRetry(retry)
        : ladder.levels().get(WireRules.levelAtLeast(ladder, requested) - 1);
    var due = host.faults().arrival(host.now().plus(delay), host.now(), entry.messageId());
    journal.record(host.now(), entry.messageId(), Journal.Kind.RETRY_SCHEDULED,
        "retry " + retry + " at " + due);
    QueueRef retryQueue = new QueueRef(QueueRef.retryTopic(name), 0);
    host.at(due, () -> host.append(retryQueue, entry.message(), entry.messageId(), entry.bornTime(), retry));
  }

  private void drop(StoredEntry entry) {
    journal.record(host.now(), entry.messageId(), Journal.Kind.DROPPED,
        "broadcasting failures are neither redelivered nor dead-lettered");
  }
}
