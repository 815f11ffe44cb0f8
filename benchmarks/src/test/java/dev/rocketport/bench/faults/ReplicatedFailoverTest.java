package dev.rocketport.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.FaultCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The replicated-failover scenarios h with the quick load, against a broker group of a master and a
 * replica with a controller, on RocketMQ's own failover timings: each scenario throws if its own
 * invariant breaks (the replica not promoted, the old master not back in sync, a key's acknowledged
 * messages out of order, a stored message never handled); here, additionally, nothing acknowledged
 * is lost and no send reported as failed definitely was stored.
 */
class ReplicatedFailoverTest {

  @Test
  void aReplicatedGroupFailsOverRejoinsAndOutlivesItsControllerLosingNothing() throws Exception {
    Path base = Files.createTempDirectory("rocketport-replicated-faults-test-");
    List<FaultRow> rows;
    try (FaultCluster cluster = FaultCluster.startReplicated(base, 2)) {
      rows = new FaultRun(cluster, FaultSizes.quick(), System.out).replicated();
    } finally {
      EmbeddedRocketMq.deleteRecursively(base);
    }
    System.out.print(FaultRow.table(rows));
    assertEquals(3, rows.size());
    for (FaultRow row : rows) {
      assertEquals(0, row.lost(), row.scenario() + " lost acknowledged messages");
      assertEquals(0, row.definiteStored(), row.scenario() + " stored sends it reported as failed");
    }
  }
}
