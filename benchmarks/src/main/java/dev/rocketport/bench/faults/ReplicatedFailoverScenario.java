package dev.rocketport.bench.faults;

import dev.rocketport.embedded.FaultCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenarios h, on a {@link FaultCluster#startReplicated replicated} broker group of two members in
 * controller mode (SYNC_FLUSH, every in-sync replica acknowledging), each under synchronous,
 * asynchronous and ordered publishing and concurrent and orderly consumption ({@link ReplicatedLoad}):
 * <ul>
 *   <li>h1: the master is killed ({@code kill -9}) seconds after the topic was created — before the
 *       replica would have copied the topic from its master; the controller promotes the replica and
 *       publishing resumes on it. Recovery is the longest time without an acknowledged send.
 *   <li>h2: the old master is restarted under load; it rejoins as a replica (the new master keeps
 *       its role) and catches up until the controller counts it in sync again.
 *   <li>h3: the controller is killed and restarted under load; it is not on the path of messages, so
 *       publishing goes on, and it resumes with the group as it was.
 * </ul>
 * What the ordered contract promises through all of them, and each run checks: a key keeps its
 * queue (the group keeps its queues across an election), so its acknowledged messages arrive in the
 * order they were sent; while no master is routed an ordered send is refused, never moved. Every run
 * checks the table's invariants too: no acknowledged message lost, nothing reported as failed
 * definitely stored, every stored message handled.
 */
final class ReplicatedFailoverScenario {
  private ReplicatedFailoverScenario() {}

  static List<FaultRow> runAll(FaultCluster cluster, FaultSizes sizes) throws Exception {
    awaitGroupInSync(cluster);
    List<FaultRow> rows = new ArrayList<>();
    int oldMaster = cluster.masterIndex();
    rows.add(masterKilled(cluster, sizes, oldMaster));
    rows.add(oldMasterRestarted(cluster, sizes, oldMaster));
    rows.add(controllerRestarted(cluster, sizes));
    return rows;
  }

  private static FaultRow masterKilled(FaultCluster cluster, FaultSizes sizes, int master) throws Exception {
    int replica = 1 - master;
    try (ReplicatedLoad load = ReplicatedLoad.start(cluster, "h1")) {
      load.awaitAcknowledged("acknowledged sends before the kill", sizes.ackedBeforeFault());
      long killed = System.nanoTime();
      cluster.killBroker(master);
      Deadline.require("the replica promoted", () -> cluster.masterIndex() == replica, Duration.ofSeconds(90));
      Duration promoted = Duration.ofNanos(System.nanoTime() - killed);
      load.awaitAcknowledged("acknowledged sends on the new master", sizes.ackedAfterRecovery());
      return load.finish("h1. replicated master kill -9", load.tally().longestGap(), String.format(
          "replica promoted and routed %d ms after the kill", promoted.toMillis()));
    }
  }

  private static FaultRow oldMasterRestarted(FaultCluster cluster, FaultSizes sizes, int oldMaster) throws Exception {
    int master = 1 - oldMaster;
    try (ReplicatedLoad load = ReplicatedLoad.start(cluster, "h2")) {
      load.awaitAcknowledged("acknowledged sends before the restart", sizes.ackedBeforeFault());
      long restarting = System.nanoTime();
      cluster.restartBroker(oldMaster);
      awaitGroupInSync(cluster);
      Duration inSync = Duration.ofNanos(System.nanoTime() - restarting);
      if (cluster.masterIndex() != master) {
        throw new IllegalStateException("the restarted old master took the master's role back");
      }
      load.awaitAcknowledged("acknowledged sends with the old master in sync", sizes.ackedAfterRecovery());
      return load.finish("h2. old master restarted, rejoins", load.tally().longestGap(), String.format(
          "rejoined as a replica, in sync %d ms after its restart began", inSync.toMillis()));
    }
  }

  private static FaultRow controllerRestarted(FaultCluster cluster, FaultSizes sizes) throws Exception {
    int master = cluster.masterIndex();
    try (ReplicatedLoad load = ReplicatedLoad.start(cluster, "h3")) {
      load.awaitAcknowledged("acknowledged sends before the controller's kill", sizes.ackedBeforeFault());
      cluster.killController();
      load.awaitAcknowledged("acknowledged sends without a controller", sizes.ackedAfterRecovery());
      long restarting = System.nanoTime();
      cluster.restartController();
      awaitGroupInSync(cluster);
      Duration resumed = Duration.ofNanos(System.nanoTime() - restarting);
      if (cluster.masterIndex() != master) {
        throw new IllegalStateException("the controller's restart moved the master");
      }
      load.awaitAcknowledged("acknowledged sends after the controller's restart", sizes.ackedAfterRecovery());
      return load.finish("h3. controller restart", load.tally().longestGap(), String.format(
          "controller answered with both members in sync %d ms after its restart began", resumed.toMillis()));
    }
  }

  /** Waits until the controller counts both members in sync with the master. */
  private static void awaitGroupInSync(FaultCluster cluster) {
    Deadline.require("both members of the group in sync", () -> cluster.inSyncReplicas() == 2, Duration.ofSeconds(120));
  }
}
