package dev.rocketport.bench.faults;

import dev.rocketport.embedded.FaultCluster;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.time.Duration;
import java.util.UUID;

/**
 * Scenario a: the only broker of a topic is killed ({@code kill -9}) under synchronous load from
 * four threads, on {@code SYNC_FLUSH}, and restarted on its store. Every acknowledged message must
 * be stored, and the same runtime must publish again once the broker is back; recovery is the time
 * from the restarted broker's registration to the next acknowledged send.
 */
final class BrokerCrashScenario {
  private BrokerCrashScenario() {}

  static FaultRow run(FaultCluster cluster, FaultSizes sizes) throws Exception {
    Topic topic = Topic.of("crash-" + UUID.randomUUID().toString().substring(0, 8));
    cluster.createTopic(topic.name(), 4, 0);
    try (RocketMqMessaging messaging = Runtimes.start(cluster.nameServerAddress())) {
      Tally tally = new Tally();
      SyncLoad load = SyncLoad.start(messaging.publisher(), topic, "a", 4, tally);
      Deadline.require("acknowledged sends before the kill", () -> tally.acknowledgedCount() >= sizes.ackedBeforeFault(),
          Duration.ofSeconds(120));
      cluster.killBroker(0);
      long killed = System.nanoTime();
      Deadline.require("failed sends while the broker is down", () -> tally.definite() + tally.unknown().size() >= 20,
          Duration.ofSeconds(60));
      cluster.restartBroker(0);
      long back = System.nanoTime();
      Deadline.require("an acknowledged send after the restart", () -> tally.lastAckNanos() > back,
          Duration.ofSeconds(120));
      long backAcked = tally.lastAckNanos();
      Duration recovery = Duration.ofNanos(backAcked - back);
      int ackedAtRecovery = tally.acknowledgedCount();
      Deadline.require("acknowledged sends after recovery",
          () -> tally.acknowledgedCount() >= ackedAtRecovery + sizes.ackedAfterRecovery(), Duration.ofSeconds(120));
      load.stop();
      var stored = Audit.stored(messaging, topic, tally.acknowledged(), Duration.ofSeconds(120));
      return FaultRow.of("a. broker kill -9, SYNC_FLUSH", "rocketmq", tally, stored, recovery, String.format(
          "outage %.1f s (kill to next acknowledged send, broker restart included); failures %s",
          (backAcked - killed) / 1e9, tally.failureKinds()));
    }
  }
}
