package dev.rocketport.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.examples.launch.RocketportMain;
import dev.rocketport.examples.scenarios.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tour, run as users run it: every scenario passes on both adapters; bad usage and failures show in the exit code. */
class TourTest {

  private record Run(int exit, String out, String err) {}

  private static Run tour(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = RocketportMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyScenarioPassesOnTheInMemoryAdapter() throws Exception {
    Run run = tour("tour", "--adapter", "inmemory");
    assertEquals(0, run.exit(), run.out());
    assertTrue(run.out().contains(Scenarios.all().size() + " passed, 0 failed"), run.out());
  }

  @Test
  void everyScenarioPassesOnTheEmbeddedRocketMqBroker() throws Exception {
    Run run = tour("tour");
    assertEquals(0, run.exit(), run.out());
    for (String name : Scenarios.names()) {
      assertTrue(run.out().lines().anyMatch(l -> l.startsWith(name + " ") && l.contains("rocketmq") && l.contains("PASS")),
          name + " passed:\n" + run.out());
    }
  }

  @Test
  void aFailingScenarioMakesTheExitCodeNonZero() throws Exception {
    Run run = tour("tour", "--namesrv", "127.0.0.1:1", "--scenario", "keys");
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("FAIL"), run.out());
  }

  @Test
  void badUsageNamesTheProblemAndTheValidChoices() throws Exception {
    Run unknownOption = tour("tour", "--colour");
    assertEquals(2, unknownOption.exit());
    assertTrue(unknownOption.err().contains("Unknown option: '--colour'"), unknownOption.err());
    Run unknownScenario = tour("tour", "--adapter", "inmemory", "--scenario", "fanout");
    assertEquals(2, unknownScenario.exit());
    assertTrue(unknownScenario.err().contains("unknown scenario 'fanout' (valid: normal, ordered"), unknownScenario.err());
    Run unknownAdapter = tour("tour", "--adapter", "kafka");
    assertEquals(2, unknownAdapter.exit());
    assertTrue(unknownAdapter.err().contains("valid: rocketmq, inmemory"), unknownAdapter.err());
    Run help = tour("tour", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--scenario=NAME") && help.out().contains("resilience"), help.out());
    assertEquals(2, tour().exit());
  }
}
