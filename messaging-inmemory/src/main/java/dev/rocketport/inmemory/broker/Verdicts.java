package dev.rocketport.inmemory.broker;

import org.jspecify.annotations.Nullable;
import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.WireRules;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What happens to a consumer group's messages after their handler answered, as RocketMQ does it:
 * acknowledge; retry on the ladder through the group's retry queue (concurrent) or suspend the
 * queue and redeliver in place (orderly); dead-letter after the last attempt or at once on reject;
 * drop in broadcasting. Called under the broker lock.
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
   * Applies the handlers' verdicts on a run of {@code pq} handed to a member subscribed with
   * {@code spec}: {@code results.get(i)} is the verdict on {@code units.get(i)} (one message each, or
   * one batch). An orderly run may have fewer
   * verdicts than units: it stopped at its first retry. Called under the broker lock.
   */
  void apply(SubscriptionSpec spec, ProcessQueue<GroupMember> pq, List<StoredEntry> run,
      List<List<StoredEntry>> units, List<HandlerResult> results) {
    for (int i = 0; i < results.size(); i++) {
      HandlerResult result = results.get(i);
      List<StoredEntry> unit = units.get(i);
      boolean success = result instanceof HandlerResult.Success || result instanceof HandlerResult.Replied;
      @Nullable Duration requested = result instanceof HandlerResult.Retry r ? r.delay().getOrNull() : null;
      if (result instanceof HandlerResult.Reject reject) {
        reject(spec, pq, unit, reject.reason());
      } else if (spec.ordering() == Ordering.ORDERLY) {
        completeOrderly(spec, pq, unit, success, requested);
      } else if (!success) {
        unit.forEach(e -> retryLater(spec, e, requested));
      }
      if (success && journal.enabled()) {
        unit.forEach(e -> journal.record(host.now(), e.messageId(), Journal.Kind.ACKNOWLEDGED, name));
      }
    }
    if (spec.ordering() == Ordering.CONCURRENT) {
      pq.acknowledge(run);
    }
  }

  /** Dead-letters {@code unit} now with {@code reason} (broadcasting: drops it); an orderly queue moves past it. */
  private void reject(SubscriptionSpec spec, ProcessQueue<GroupMember> pq, List<StoredEntry> unit, String reason) {
    if (spec.deliveryMode() == DeliveryMode.BROADCASTING) {
      unit.forEach(this::drop);
    } else if (spec.ordering() == Ordering.ORDERLY) {
      int attempts = pq.headRetries + 1;
      unit.forEach(e -> host.deadLetter(name, e, attempts, Option.some(reason)));
    } else {
      unit.forEach(e -> host.deadLetter(name, e, e.reconsumeTimes() + 1, Option.some(reason)));
    }
    if (spec.ordering() == Ordering.ORDERLY) {
      pq.advancePast(unit);
    }
  }

  private void completeOrderly(SubscriptionSpec spec, ProcessQueue<GroupMember> pq,
      List<StoredEntry> batch, boolean success, @Nullable Duration requested) {
    if (success) {
      pq.advancePast(batch);
    } else if (spec.deliveryMode() == DeliveryMode.BROADCASTING) {
      batch.forEach(this::drop);
      pq.advancePast(batch);
    } else if (pq.headRetries >= spec.maxRetries()) {
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
    if (spec.deliveryMode() == DeliveryMode.BROADCASTING) {
      drop(entry);
      return;
    }
    if (entry.reconsumeTimes() >= spec.maxRetries()) {
      host.deadLetter(name, entry, entry.reconsumeTimes() + 1, Option.none());
      return;
    }
    int retry = entry.reconsumeTimes() + 1;
    var ladder = config.retryLadder();
    Duration delay = requested == null ? ladder.delayBeforeRetry(retry)
        : ladder.levels().get(WireRules.levelAtLeast(ladder, requested) - 1);
    var due = host.now().plus(delay);
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
