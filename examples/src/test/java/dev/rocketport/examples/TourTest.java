package dev.rocketport.examples;

import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.examples.launch.RocketportMain;
import dev.rocketport.examples.scenarios.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Execution;

/**
 * The tour, run as users run it: every scenario passes on the in-memory and remoting adapters, and
 * passes or is skipped by capability on the gRPC one; bad usage and failures show in the exit code.
 */
@Execution(ExecutionMode.CONCURRENT) // each tour waits on a broker of its own (the in-memory one on nothing)
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
  void everyScenarioPassesOrIsSkippedByCapabilityOnTheGrpcAdapter() throws Exception {
    Run run = tour("tour", "--adapter", "rocketmq-grpc");
    assertEquals(0, run.exit(), run.out());
    List<String> skipped = List.of("batch", "clustering-broadcasting", "request-reply");
    for (Scenario scenario : Scenarios.all()) {
      String verdict = skipped.contains(scenario.name()) ? "SKIPPED-BY-CAPABILITY" : "PASS";
      assertTrue(run.out().lines().anyMatch(l -> l.startsWith(scenario.name() + " ") && l.contains("rocketmq-grpc")
          && l.contains(verdict)), scenario.name() + " " + verdict + ":\n" + run.out());
    }
    assertTrue(run.out().contains(", 3 skipped by capability"), run.out());
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
    assertTrue(unknownAdapter.err().contains("valid: rocketmq, rocketmq-grpc, inmemory"), unknownAdapter.err());
    Run proxyAlone = tour("tour", "--adapter", "rocketmq-grpc", "--endpoints", "127.0.0.1:8081");
    assertEquals(2, proxyAlone.exit());
    assertTrue(proxyAlone.err().contains("takes --endpoints (the proxy) and --namesrv together"), proxyAlone.err());
    Run help = tour("tour", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--scenario=NAME") && help.out().contains("resilience"), help.out());
    assertEquals(2, tour().exit());
  }
}
