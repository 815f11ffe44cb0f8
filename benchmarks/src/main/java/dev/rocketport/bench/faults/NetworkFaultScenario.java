package dev.rocketport.bench.faults;

import dev.rocketport.embedded.FaultCluster;
import dev.rocketport.embedded.FaultyLink;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Scenario g: the network between the clients and the broker fails, through the broker's
 * {@link FaultyLink}, while a runtime publishes synchronously from four threads and consumes: added
 * latency with jitter, a bandwidth limit, connections reset after each request reached the broker,
 * and a black hole. Each fault holds until it has shown its effect on the load (sends completed
 * slowly, or failed), then lifts. What must hold, and is checked here:
 * <ul>
 *   <li>nothing acknowledged is lost, and no send reported as failed definitely was stored (a send
 *       that may have reached the broker is unknown-outcome; the audit reconciles those by reading
 *       the topic back);
 *   <li>no send takes longer than its bound, the send timeout twice (a coalesced send waits up to
 *       that) and a second's grace, however long the fault;
 *   <li>publishing resumes when the fault lifts, and the consumer handles every stored message;
 *   <li>the consumer redelivers (handles more often than stored) only messages it first handled
 *       between a second before the fault and two seconds after its lift: offsets commit every
 *       second, so only what was handled while commits could not get through may come again.
 * </ul>
 * Recovery is the time from the lift to the next acknowledged send.
 */
final class NetworkFaultScenario {
  /**
   * A fault to apply to a link, and when it has shown its effect on the load: so many sends
   * acknowledged, or failed, since it struck.
   */
  private record Fault(String name, Consumer<FaultyLink> apply, int acknowledged, int failed) {
    boolean shown(Tally tally, int ackedAtFault, long failedAtFault) {
      return tally.acknowledgedCount() - ackedAtFault >= acknowledged
          && failures(tally) - failedAtFault >= failed;
    }

    static long failures(Tally tally) {
      return tally.unknown().size() + tally.definite();
    }
  }

  /** How often a subscription commits its offsets (the contract's crash-redelivery window). */
  private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

  private NetworkFaultScenario() {}

  /** Runs g1–g4 on the broker's link, then {@link NameServerBlackHoleScenario g5} on the name server's. */
  static List<FaultRow> runAll(FaultCluster cluster, FaultSizes sizes) throws Exception {
    int minimum = sizes.underNetworkFault();
    List<Fault> faults = List.of(
        new Fault("g1. latency 100 ms ± 50 ms", link -> link.delay(Duration.ofMillis(100), Duration.ofMillis(50)),
            minimum, 0),
        new Fault("g2. bandwidth 32 KiB/s", link -> link.limit(32 * 1024), minimum, 0),
        new Fault("g3. reset after each request", FaultyLink::resetConnections, 0, minimum / 10),
        new Fault("g4. black hole", FaultyLink::blackHole, 0, 8));
    List<FaultRow> rows = new ArrayList<>();
    for (Fault fault : faults) {
      rows.add(run(cluster, sizes, fault));
    }
    rows.add(NameServerBlackHoleScenario.run(cluster, sizes));
    return rows;
  }

  private static FaultRow run(FaultCluster cluster, FaultSizes sizes, Fault fault) throws Exception {
    Topic topic = Topic.of("network-" + UUID.randomUUID().toString().substring(0, 8));
    cluster.createTopic(topic.name(), 4);
    FaultyLink link = cluster.link(0);
    try (RocketMqMessaging messaging = Runtimes.start(cluster.clientNameServerAddress())) {
      HandledLog handled = new HandledLog();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("network-readers-"
          + UUID.randomUUID().toString().substring(0, 8))).build(), handled.handler());
      Tally tally = new Tally();
      SyncLoad load = SyncLoad.start(messaging.publisher(), topic, "g", 4, tally);
      Deadline.require("acknowledged sends before the fault", () -> tally.acknowledgedCount() >= sizes.underNetworkFault(),
          Duration.ofSeconds(60));
      long resetsBefore = link.resets();
      int ackedAtFault = tally.acknowledgedCount();
      long failedAtFault = Fault.failures(tally);
      long struck = System.nanoTime();
      fault.apply().accept(link);
      try {
        Deadline.require("the effect of " + fault.name(), () -> fault.shown(tally, ackedAtFault, failedAtFault),
            Duration.ofSeconds(120));
      } finally {
        link.heal();
      }
      long healed = System.nanoTime();
      Deadline.require("an acknowledged send after the fault lifted", () -> tally.lastAckNanos() > healed,
          Duration.ofSeconds(60));
      Duration recovery = Duration.ofNanos(tally.lastAckNanos() - healed);
      int ackedAtRecovery = tally.acknowledgedCount();
      Deadline.require("acknowledged sends after recovery",
          () -> tally.acknowledgedCount() >= ackedAtRecovery + sizes.underNetworkFault(), Duration.ofSeconds(60));
      load.stop();
      var stored = Audit.stored(messaging, topic, tally.acknowledged(), Duration.ofSeconds(120));
      Deadline.require(fault.name() + ": every stored message handled by the consumer",
          () -> handled.handledAll(stored.keySet()), Duration.ofSeconds(120), () -> handled.unhandled(stored.keySet()));
      long redelivered = handled.redelivered(stored);
      // offsets commit every second: what was handled while commits could not get through, and in the
      // second before, may be handled again — nothing earlier
      long redeliveryBound = handled.firstHandledBetween(struck - COMMIT_INTERVAL.toNanos(),
          healed + 2 * COMMIT_INTERVAL.toNanos());
      FaultRow row = FaultRow.of(fault.name(), "rocketmq", tally, stored, recovery, String.format(
          "longest send %d ms; connections reset %d; consumer redelivered %d messages (bound %d); failures %s",
          tally.longestSend().toMillis(), link.resets() - resetsBefore, redelivered, redeliveryBound,
          tally.failureKinds()));
      check(row, tally, messaging);
      if (redelivered > redeliveryBound) {
        throw new IllegalStateException(row.scenario() + ": the consumer redelivered " + redelivered
            + " messages, more than the " + redeliveryBound + " it handled from a second before the fault until "
            + "two seconds after it lifted");
      }
      return row;
    }
  }

  private static void check(FaultRow row, Tally tally, RocketMqMessaging messaging) {
    if (row.definiteStored() > 0) {
      throw new IllegalStateException(row.scenario() + ": " + row.definiteStored()
          + " sends reported as failed definitely were stored");
    }
    Runtimes.requireWithinSendBound(row.scenario(), "a send", tally.longestSend(), messaging);
  }
}
