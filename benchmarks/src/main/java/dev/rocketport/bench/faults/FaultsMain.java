package dev.rocketport.bench.faults;

import dev.rocketport.bench.CommandLines;
import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.FaultCluster;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code rocketport faults [--quick]}: runs the fault scenarios ({@link FaultRun}) against a cluster
 * of child-JVM servers it starts (a name server, two {@code SYNC_FLUSH} masters), then the network
 * scenarios against a second one whose master clients reach through a {@link
 * dev.rocketport.embedded.FaultyLink}, then the replicated-failover scenarios against a third: a
 * broker group of a master and a replica with a controller. Prints one table row per scenario; exits 0 only if every
 * scenario held its invariants, lost nothing and stored no send it reported as failed definitely.
 */
public final class FaultsMain {
  private FaultsMain() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs the command line ({@link FaultsCommand}); returns the exit code (2 for bad usage). */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    return CommandLines.execute(new FaultsCommand(sizes -> faults(sizes, out, err)), "faults", args, out, err);
  }

  static int faults(FaultSizes sizes, PrintStream out, PrintStream err) throws Exception {
    Path base = Files.createTempDirectory("rocketport-faults-");
    out.println("faults: starting a name server and two SYNC_FLUSH masters, each in its own JVM…");
    List<FaultRow> rows = new java.util.ArrayList<>();
    try {
      try (FaultCluster cluster = FaultCluster.start(base, 2)) {
        rows.addAll(new FaultRun(cluster, sizes, out).all());
      }
      out.println("faults: starting a name server and a SYNC_FLUSH master behind a faulty link…");
      try (FaultCluster linked = FaultCluster.startBehindLinks(base.resolve("linked"), 1)) {
        rows.addAll(new FaultRun(linked, sizes, out).network());
      }
      out.println("faults: starting a name server, a controller and a broker group of a master and a replica…");
      try (FaultCluster replicated = FaultCluster.startReplicated(base.resolve("replicated"), 2)) {
        rows.addAll(new FaultRun(replicated, sizes, out).replicated());
      }
    } catch (IllegalStateException e) {
      err.println("rocketport faults: an invariant broke: " + e.getMessage());
      return 1;
    } finally {
      EmbeddedRocketMq.deleteRecursively(base);
    }
    out.println();
    out.print(FaultRow.table(rows));
    return rows.stream().allMatch(r -> r.lost() == 0 && r.definiteStored() == 0) ? 0 : 1;
  }
}
