package dev.rocketport.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.FaultCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault scenarios a–f with the quick load, against one shared cluster of child-JVM servers:
 * each scenario throws if its own invariant breaks; here, additionally, nothing acknowledged may be
 * lost in any row, no send reported as failed definitely was stored, and the recoveries must have happened.
 */
class FaultsTest {

  @Test
  void everyScenarioHoldsItsInvariantsAndLosesNothing() throws Exception {
    Path base = Files.createTempDirectory("rocketport-faults-test-");
    List<FaultRow> rows;
    try (FaultCluster cluster = FaultCluster.start(base, 2)) {
      rows = new FaultRun(cluster, FaultSizes.quick(), System.out).all();
    } finally {
      EmbeddedRocketMq.deleteRecursively(base);
    }
    System.out.print(FaultRow.table(rows));
    assertEquals(8, rows.size());
    for (FaultRow row : rows) {
      assertEquals(0, row.lost(), row.scenario() + " (" + row.adapter() + ") lost acknowledged messages");
      assertEquals(0, row.definiteStored(), row.scenario() + " (" + row.adapter() + ") stored sends it reported as failed");
      assertTrue(row.acknowledged() > 0, row.scenario() + " acknowledged something");
      assertTrue(row.recovery() != null, row.scenario() + " measured its recovery");
    }
  }
}
