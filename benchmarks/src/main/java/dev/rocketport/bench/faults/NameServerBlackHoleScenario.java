package dev.rocketport.bench.faults;

import dev.rocketport.embedded.FaultCluster;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.time.Duration;
import java.util.UUID;

/**
 * Scenario g5: the network between the clients and the name server becomes a black hole (the
 * brokers, which register directly, still reach it) while a runtime publishes synchronously from
 * four threads and consumes, polling routes every second so that polls fail during the hole. What
 * must hold, and is checked here:
 * <ul>
 *   <li>publishing and consuming go on over the routes the runtime knows: no send fails;
 *   <li>a send to a topic the runtime has no route for yet fails within its bound (twice the send
 *       timeout and a second), definitely (nothing was sent), and not as {@code TopicNotFound}: the
 *       topic exists, the name server is what cannot be reached;
 *   <li>once the hole lifts, that topic is routed and its send succeeds; nothing acknowledged is lost
 *       and the consumer handles every stored message.
 * </ul>
 * Recovery is the time from the lift to the first acknowledged send to the new topic.
 */
final class NameServerBlackHoleScenario {
  private NameServerBlackHoleScenario() {}

  static FaultRow run(FaultCluster cluster, FaultSizes sizes) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    Topic topic = Topic.of("network-ns-" + id);
    Topic unrouted = Topic.of("network-ns-new-" + id);
    cluster.createTopic(topic.name(), 4);
    cluster.createTopic(unrouted.name(), 4);
    try (RocketMqMessaging messaging = RocketMqMessaging.start(Runtimes.config(cluster.clientNameServerAddress())
        .pollNameServerInterval(Duration.ofSeconds(1)).build())) {
      HandledLog handled = new HandledLog();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("network-ns-readers-" + id))
          .build(), handled.handler());
      Tally tally = new Tally();
      SyncLoad load = SyncLoad.start(messaging.publisher(), topic, "g5", 4, tally);
      Deadline.require("acknowledged sends before the fault", () -> tally.acknowledgedCount() >= sizes.underNetworkFault(),
          Duration.ofSeconds(60));
      int ackedAtFault = tally.acknowledgedCount();
      cluster.nameServerLink().blackHole();
      PublishFailure refused;
      Duration refusedIn;
      try {
        long sending = System.nanoTime();
        var outcome = messaging.publisher().send(Message.of(unrouted, "unrouted-during-the-hole"));
        refusedIn = Duration.ofNanos(System.nanoTime() - sending);
        if (outcome.isRight()) {
          throw new IllegalStateException("g5: a send to a topic with no known route succeeded without the name server");
        }
        refused = outcome.getLeft();
        Deadline.require("acknowledged sends over known routes during the hole",
            () -> tally.acknowledgedCount() >= ackedAtFault + sizes.underNetworkFault(), Duration.ofSeconds(60));
      } finally {
        cluster.nameServerLink().heal();
      }
      long healed = System.nanoTime();
      Deadline.require("a send to the new topic after the hole lifted",
          () -> messaging.publisher().send(Message.of(unrouted, "unrouted-after-the-hole")).isRight(),
          Duration.ofSeconds(60));
      Duration recovery = Duration.ofNanos(System.nanoTime() - healed);
      load.stop();
      var stored = Audit.stored(messaging, topic, tally.acknowledged(), Duration.ofSeconds(120));
      Deadline.require("g5: every stored message handled by the consumer", () -> handled.handledAll(stored.keySet()),
          Duration.ofSeconds(120), () -> handled.unhandled(stored.keySet()));
      FaultRow row = FaultRow.of("g5. name server black hole", "rocketmq", tally, stored, recovery, String.format(
          "known routes: longest send %d ms, failures %s; a send to a topic not yet routed failed in %d ms as %s",
          tally.longestSend().toMillis(), tally.failureKinds(), refusedIn.toMillis(), refused));
      check(row, tally, refused, refusedIn, messaging);
      return row;
    }
  }

  private static void check(FaultRow row, Tally tally, PublishFailure refused, Duration refusedIn,
      RocketMqMessaging messaging) {
    if (tally.definite() + tally.unknown().size() > 0) {
      throw new IllegalStateException(row.scenario() + ": sends over known routes failed: " + tally.failureKinds());
    }
    if (refused instanceof PublishFailure.TopicNotFound || refused.outcomeUnknown()) {
      throw new IllegalStateException(row.scenario() + ": a send the name server could not route was reported as "
          + refused + ", not as a definite BrokerUnavailable");
    }
    Runtimes.requireWithinSendBound(row.scenario(), "the unroutable send", refusedIn, messaging);
  }
}
