package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.spi.WireRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the broker takes a send: stores the message in its queue, or schedules a delayed one for its
 * due time (late, if the dice say so); in a simulation, first meets the send faults — an outage, a
 * lost request, a lost answer ({@link Fault}). A batch meets them once, as RocketMQ stores a batch
 * whole or not at all. Under the broker lock.
 */
final class Sends {
  private final BrokerCore core;
  private final Topics topics;
  private final Journal journal;
  private final Faults faults;
  private final InMemoryConfig config;

  Sends(BrokerCore core, Topics topics, Journal journal, Faults faults, InMemoryConfig config) {
    this.core = core;
    this.topics = topics;
    this.journal = journal;
    this.faults = faults;
    this.config = config;
  }

  Either<PublishFailure, SendReceipt> accept(Message message, int queueId) {
    Instant now = core.now();
    String id = core.nextMessageId();
    PublishFailure refused = refusal(now, id);
    if (refused != null) {
      return Either.left(refused);
    }
    SendReceipt receipt = store(message, id, queueId, now);
    PublishFailure lost = answerLost(now, id);
    return lost == null ? Either.right(receipt) : Either.left(lost);
  }

  /** Stores {@code messages} in queue {@code queueId}, all or none. */
  Either<PublishFailure, List<SendReceipt>> acceptAll(List<Message> messages, int queueId) {
    Instant now = core.now();
    List<String> ids = new ArrayList<>(messages.size());
    messages.forEach(m -> ids.add(core.nextMessageId()));
    PublishFailure refused = refusal(now, ids.get(0));
    if (refused != null) {
      return Either.left(refused);
    }
    List<SendReceipt> receipts = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      receipts.add(store(messages.get(i), ids.get(i), queueId, now));
    }
    PublishFailure lost = answerLost(now, ids.get(0));
    return lost == null ? Either.right(receipts) : Either.left(lost);
  }

  /** Why the send {@code id} is not stored: an outage, or a lost request; null if it is stored. */
  private @Nullable PublishFailure refusal(Instant now, String id) {
    if (faults.unavailable(now)) {
      return new PublishFailure.BrokerUnavailable("the broker is unreachable (simulated " + Fault.BROKER_OUTAGE + ")");
    }
    Instant recovery = faults.outageBegins(now, id);
    if (recovery != null) {
      core.at(recovery, () -> { }); // the dispatcher wakes when the broker is back
      return new PublishFailure.BrokerUnavailable("the broker became unreachable until " + recovery
          + " (simulated " + Fault.BROKER_OUTAGE + ")");
    }
    if (faults.roll(Fault.SEND_LOST_UNKNOWN, now, id)) {
      return new PublishFailure.Timeout(config.sendTimeout(), "the request was lost (simulated "
          + Fault.SEND_LOST_UNKNOWN + ")");
    }
    return null;
  }

  /** The failure the sender sees although {@code id} was stored (its answer lost), or null. */
  private @Nullable PublishFailure answerLost(Instant now, String id) {
    if (!faults.roll(Fault.SEND_STORED_UNKNOWN, now, id)) {
      return null;
    }
    return new PublishFailure.Timeout(config.sendTimeout(), "stored, but the answer was lost (simulated "
        + Fault.SEND_STORED_UNKNOWN + ")");
  }

  private SendReceipt store(Message message, String id, int queueId, Instant now) {
    QueueRef ref = new QueueRef(message.topic().name(), queueId);
    if (message.delay().isDefined()) {
      Instant due = faults.arrival(message.delay().get().dueAt(now), now, id);
      journal.record(now, id, Journal.Kind.SCHEDULED, "due at " + due);
      Message plain = WireRules.undelayed(message);
      core.at(due, () -> core.append(ref, plain, id, now, 0));
      return new SendReceipt(id, message.topic(), queueId, Option.none());
    }
    StoredEntry entry = topics.store(ref, message, id, now, now, 0);
    return new SendReceipt(id, message.topic(), queueId, Option.some(entry.offset()));
  }
}
