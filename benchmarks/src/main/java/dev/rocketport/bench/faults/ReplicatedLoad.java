package dev.rocketport.bench.faults;

import dev.rocketport.embedded.FaultCluster;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The load of a replicated-failover scenario, on a fresh topic of the cluster's broker group (created
 * through the runtime's admin, so a failover right after it finds the topic on the promoted replica),
 * from a runtime on the scenario settings ({@link Runtimes}): synchronous sends from two threads,
 * asynchronous ones 32 at a time, ordered ones over 16 keys; a concurrent subscription that notes
 * every body it handles, and an orderly one that checks each key's order ({@link KeyedOrder}).
 * {@link #finish} stops it, checks what every fault scenario checks and what the ordered contract
 * promises, and makes the row. Not thread-safe: one scenario drives it; {@link #close()} closes the
 * runtime.
 */
final class ReplicatedLoad implements AutoCloseable {
  private final RocketMqMessaging messaging;
  private final Topic topic;
  private final Tally tally = new Tally();
  private final HandledLog handled = new HandledLog();
  private final SyncLoad sync;
  private final AsyncLoad async;
  private final KeyedOrder ordered;

  private ReplicatedLoad(FaultCluster cluster, String prefix) {
    messaging = Runtimes.start(cluster.nameServerAddress());
    // created as an application would, through the runtime's admin: on the master and the replica
    topic = messaging.admin().createTopic(Topic.of("replicated-" + UUID.randomUUID().toString().substring(0, 8)), 4)
        .getOrElseThrow(failure -> new IllegalStateException(failure.description()));
    String id = UUID.randomUUID().toString().substring(0, 8);
    messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("replicated-readers-" + id))
        .build(), handled.handler());
    sync = SyncLoad.start(messaging.publisher(), topic, prefix, 2, tally);
    async = AsyncLoad.start(messaging.publisher(), topic, prefix, tally);
    ordered = KeyedOrder.start(messaging.orderedPublisher(), topic, prefix, tally);
    messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("replicated-ordered-" + id))
        .orderly().build(), ordered.recorder());
  }

  /** Starts the load on a new topic of the group (on each member registered now). */
  static ReplicatedLoad start(FaultCluster cluster, String prefix) {
    return new ReplicatedLoad(cluster, prefix);
  }

  Tally tally() {
    return tally;
  }

  /** Waits until {@code count} more sends than now are acknowledged. */
  void awaitAcknowledged(String what, int count) {
    int from = tally.acknowledgedCount();
    Deadline.require(what, () -> tally.acknowledgedCount() >= from + count, Duration.ofSeconds(120),
        () -> (tally.acknowledgedCount() - from) + " of " + count + " acknowledged; failures " + tally.failureKinds()
            + ", the latest " + tally.lastFailure());
  }

  /**
   * Stops the load; checks that the consumers handled every stored message and that each key's
   * acknowledged messages arrived in order; returns the row.
   */
  FaultRow finish(String scenario, Duration recovery, String note) throws Exception {
    sync.stop();
    async.stop();
    ordered.stop();
    Map<String, Integer> stored = Audit.stored(messaging, topic, tally.acknowledged(), Duration.ofSeconds(120));
    Deadline.require(scenario + ": every stored message handled", () -> handled.handledAll(stored.keySet()),
        Duration.ofSeconds(120), () -> handled.unhandled(stored.keySet()));
    Deadline.require(scenario + ": every acknowledged ordered message handled in order", () -> ordered.missing() == 0,
        Duration.ofSeconds(120), () -> ordered.missing() + " missing");
    Map<String, java.util.List<Long>> outOfOrder = ordered.outOfOrder();
    if (!outOfOrder.isEmpty()) {
      throw new IllegalStateException(scenario + ": acknowledged ordered messages arrived out of order: " + outOfOrder);
    }
    return FaultRow.of(scenario, "rocketmq", tally, stored, recovery, String.format(
        "%s; ordered: %d acked, each key's in order; longest send %d ms; longest pause in consumption %d ms; "
            + "failures %s", note, ordered.acknowledgedCount(), tally.longestSend().toMillis(),
        handled.longestPause().toMillis(), tally.failureKinds()));
  }

  @Override
  public void close() {
    messaging.close();
  }
}
