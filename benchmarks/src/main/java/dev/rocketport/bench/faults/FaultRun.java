package dev.rocketport.bench.faults;

import dev.rocketport.embedded.FaultCluster;
import dev.rocketport.inmemory.InMemoryBroker;
import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs the fault scenarios a–f, in order, against one {@link FaultCluster} of two masters (each
 * scenario leaves it whole again), and e and f in memory too; or the network scenarios g against a
 * cluster behind links; or the failover scenarios h against a replicated group. Each scenario checks
 * its own invariants and throws if one breaks; the rows carry the figures. Not thread-safe.
 */
final class FaultRun {
  private final FaultCluster cluster;
  private final FaultSizes sizes;
  private final PrintStream progress;

  FaultRun(FaultCluster cluster, FaultSizes sizes, PrintStream progress) {
    this.cluster = cluster;
    this.sizes = sizes;
    this.progress = progress;
  }

  List<FaultRow> all() throws Exception {
    List<FaultRow> rows = new ArrayList<>();
    rows.add(report(BrokerCrashScenario.run(cluster, sizes)));
    rows.add(report(FailoverScenario.run(cluster, sizes)));
    rows.add(report(ConsumerCrashScenario.run(cluster, sizes)));
    rows.add(report(NameServerRestartScenario.run(cluster, sizes)));
    Topic closeTopic = topic("close");
    cluster.createTopic(closeTopic.name(), 4);
    rows.add(report(CloseUnderLoadScenario.run("rocketmq", () -> Runtimes.start(cluster.nameServerAddress()),
        closeTopic, sizes)));
    InMemoryBroker memory = InMemoryBroker.wallClock();
    Topic memoryClose = topic("close");
    try (Messaging setup = InMemoryMessaging.connect(memory)) {
      setup.admin().createTopic(memoryClose, 4).get();
    }
    rows.add(report(CloseUnderLoadScenario.run("in-memory", () -> InMemoryMessaging.connect(memory), memoryClose,
        sizes)));
    Topic hangTopic = topic("hang");
    cluster.createTopic(hangTopic.name(), 4);
    try (RocketMqMessaging messaging = Runtimes.start(cluster.nameServerAddress())) {
      rows.add(report(HangingHandlerScenario.run("rocketmq", messaging, hangTopic, sizes)));
    }
    try (Messaging messaging = InMemoryMessaging.connect(memory)) {
      Topic memoryHang = topic("hang");
      messaging.admin().createTopic(memoryHang, 4).get();
      rows.add(report(HangingHandlerScenario.run("in-memory", messaging, memoryHang, sizes)));
    }
    return rows;
  }

  /**
   * Runs the network scenarios (g1–g4 between clients and the broker, g5 towards the name server),
   * against a cluster {@link FaultCluster#startBehindLinks started behind links}.
   */
  List<FaultRow> network() throws Exception {
    List<FaultRow> rows = new ArrayList<>();
    for (FaultRow row : NetworkFaultScenario.runAll(cluster, sizes)) {
      rows.add(report(row));
    }
    return rows;
  }

  /** Runs the replicated-failover scenarios (h), against a cluster {@link FaultCluster#startReplicated started replicated}. */
  List<FaultRow> replicated() throws Exception {
    List<FaultRow> rows = new ArrayList<>();
    for (FaultRow row : ReplicatedFailoverScenario.runAll(cluster, sizes)) {
      rows.add(report(row));
    }
    return rows;
  }

  private static Topic topic(String prefix) {
    return Topic.of(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private FaultRow report(FaultRow row) {
    progress.printf("  %s (%s): sent %d, acked %d, lost %d, duplicates %d%n", row.scenario(), row.adapter(),
        row.sent(), row.acknowledged(), row.lost(), row.duplicates());
    return row;
  }
}
