package dev.rocketport.bench.faults;

import dev.rocketport.embedded.FaultCluster;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario d: the name server is killed and restarted while a runtime publishes and consumes. The
 * running runtime keeps its routes, so both must go on through the outage and after it; every
 * acknowledged message must be handled. Recovery is the time from the restart until a new runtime,
 * which knows no routes yet, publishes: the brokers must have re-registered (their heartbeat runs
 * every 30 s by default).
 */
final class NameServerRestartScenario {
  private NameServerRestartScenario() {}

  static FaultRow run(FaultCluster cluster, FaultSizes sizes) throws Exception {
    Topic topic = Topic.of("namesrv-" + UUID.randomUUID().toString().substring(0, 8));
    cluster.createTopic(topic.name(), 4);
    try (RocketMqMessaging messaging = Runtimes.start(cluster.nameServerAddress())) {
      Tally tally = new Tally();
      Set<String> handled = ConcurrentHashMap.newKeySet();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("namesrv-readers")).build(),
          m -> {
            handled.add(m.bodyAsString());
            return HandlerResult.success();
          });
      SyncLoad load = SyncLoad.start(messaging.publisher(), topic, "d", 2, tally);
      Deadline.require("acknowledged sends before the kill", () -> tally.acknowledgedCount() >= sizes.ackedBeforeFault(),
          Duration.ofSeconds(120));
      cluster.killNameServer();
      int ackedAtKill = tally.acknowledgedCount();
      int handledAtKill = handled.size();
      Deadline.require("publishing and consuming without a name server",
          () -> tally.acknowledgedCount() > ackedAtKill + 500 && handled.size() > handledAtKill + 500,
          Duration.ofSeconds(60));
      cluster.restartNameServer();
      Duration recovery = firstSendOfANewRuntime(cluster.nameServerAddress(), topic);
      int ackedAtRecovery = tally.acknowledgedCount();
      Deadline.require("acknowledged sends after the restart",
          () -> tally.acknowledgedCount() >= ackedAtRecovery + sizes.ackedAfterRecovery(), Duration.ofSeconds(120));
      load.stop();
      Set<String> expected = tally.acknowledged();
      Deadline.require("every acknowledged message handled", () -> handled.containsAll(expected),
          Duration.ofSeconds(120));
      var stored = Audit.stored(messaging, topic, expected, Duration.ofSeconds(120));
      return FaultRow.of("d. name server restart", "rocketmq", tally, stored, recovery, String.format(
          "running runtime's longest publish gap %d ms; recovery: a new runtime's first send",
          tally.longestGap().toMillis()));
    }
  }

  /** How long after now a runtime started fresh needs for its first acknowledged send. */
  private static Duration firstSendOfANewRuntime(String nameServer, Topic topic) {
    long started = System.nanoTime();
    AtomicInteger attempt = new AtomicInteger();
    Deadline.require("a send from a new runtime", () -> {
      try (RocketMqMessaging fresh = Runtimes.start(nameServer)) {
        return fresh.publisher().send(Message.of(topic, "fresh-" + attempt.incrementAndGet())).isRight();
      }
    }, Duration.ofSeconds(90));
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
