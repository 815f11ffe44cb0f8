package dev.rocketport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.bench.faults.Runtimes;
import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.FaultCluster;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A short soak with chaos — four faults 5 s apart, each kind once (the master killed, the replica
 * promoted, the old master restarted; resets; a black hole; the group's second consumer process killed
 * and replaced) — against a replicated group behind links: nothing acknowledged is lost, every fault is
 * lifted, and publishing (consumption, after the consumer kill) recovers after each.
 */
class ChaosSoakTest {

  @Test
  void aSoakUnderChaosLosesNothingAndRecoversFromEveryFault() throws Exception {
    Path base = Files.createTempDirectory("rocketport-chaos-test-");
    PrintStream out = System.out;
    try (FaultCluster cluster = FaultCluster.startReplicatedBehindLinks(base, 2);
        RocketMqMessaging messaging = Runtimes.start(cluster.clientNameServerAddress())) {
      SoakRun run = new SoakRun(messaging, out);
      SoakRun.Result result;
      List<Chaos.Injected> injected;
      try (SoakMember member = SoakMember.start(cluster.clientNameServerAddress(), run.topic(), run.group(),
          run::recordHandled)) {
        // four faults 5 s apart, however long a loaded machine takes to restart a broker
        Chaos chaos = Chaos.start(cluster, member, Duration.ofSeconds(5), Duration.ofMinutes(5), 4, run::lastAckNanos,
            out);
        try {
          result = run.run(Duration.ofSeconds(120), 200, Duration.ofSeconds(10));
        } finally {
          chaos.stop();
        }
        injected = chaos.injected();
      }
      out.println(SoakMain.summary(result));
      assertEquals(4, injected.size(), "one fault of each kind: " + injected);
      assertEquals(0, result.lost(), "acknowledged messages lost");
      for (Chaos.Injected fault : injected) {
        assertTrue(fault.recovery().compareTo(Duration.ofSeconds(60)) < 0, "recovered after " + fault);
      }
      assertTrue(result.published() > 1_000, "published " + result.published());
    } finally {
      EmbeddedRocketMq.deleteRecursively(base);
    }
  }
}
