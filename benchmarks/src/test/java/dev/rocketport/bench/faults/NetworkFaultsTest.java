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
 * The network scenarios g with the quick load, against a master and a name server behind faulty
 * links: each scenario throws if its own invariant breaks (a definitely failed send stored, a send
 * past its bound, the consumer missing a stored message or redelivering more than it handled while
 * commits could not get through, a send failing over known routes while the name server is
 * unreachable); here, additionally, nothing acknowledged is lost, the faults
 * that fail sends failed them as unknown-outcome, and publishing recovered after each.
 */
class NetworkFaultsTest {

  @Test
  void sendsUnderNetworkFaultsAreClassifiedAndNothingIsLost() throws Exception {
    Path base = Files.createTempDirectory("rocketport-network-faults-test-");
    List<FaultRow> rows;
    try (FaultCluster cluster = FaultCluster.startBehindLinks(base, 1)) {
      rows = new FaultRun(cluster, FaultSizes.quick(), System.out).network();
    } finally {
      EmbeddedRocketMq.deleteRecursively(base);
    }
    System.out.print(FaultRow.table(rows));
    assertEquals(5, rows.size());
    for (FaultRow row : rows) {
      assertEquals(0, row.lost(), row.scenario() + " lost acknowledged messages");
      assertEquals(0, row.definiteStored(), row.scenario() + " stored sends it reported as failed");
      assertTrue(row.recovery() != null, row.scenario() + " measured its recovery");
    }
    FaultRow reset = rows.get(2);
    assertTrue(reset.unknownOutcomes() > 0 && reset.unknownStored() > 0,
        "a reset after the request reached the broker leaves stored sends of unknown outcome: " + reset);
    FaultRow blackHole = rows.get(3);
    assertTrue(blackHole.unknownOutcomes() > 0, "sends into a black hole are of unknown outcome: " + blackHole);
  }
}
