package dev.rocketport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.inmemory.InMemoryConfig;
import dev.rocketport.inmemory.InMemoryMessaging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: open-loop steps count what they should, and the reports are written. No timing asserted. */
class HarnessTest {

  @Test
  void anOpenLoopStepRecordsEveryMessageOfItsWindowAndTheReportsAreWritten(@TempDir Path dir) throws Exception {
    try (InMemoryMessaging messaging = InMemoryMessaging.wallClock(InMemoryConfig.defaults().withJournalCapacity(0))) {
      PortWorkloads workloads = new PortWorkloads(messaging, 64);
      List<SeriesResult> results = new java.util.ArrayList<>();
      for (Scenario scenario : List.of(Scenario.NORMAL_SYNC, Scenario.BATCH, Scenario.E2E_NORMAL)) {
        try (Workload workload = workloads.create(scenario)) {
          OpenLoopRunner runner = new OpenLoopRunner(4);
          double capacity = runner.probe(workload, Duration.ofMillis(300), 100);
          StepResult step = runner.run(workload, 200, Duration.ofMillis(100), Duration.ofSeconds(1));
          assertTrue(capacity > 0, scenario + " probe found capacity");
          long expected = 200L * workload.messagesPerTick();
          assertTrue(Math.abs(step.messages() - expected) <= workload.messagesPerTick(),
              scenario + ": " + step.messages() + " messages recorded, expected " + expected);
          assertEquals(0, step.failures());
          results.add(new SeriesResult(scenario, "inmemory", capacity, List.of(step), null));
        }
      }
      BenchOptions options = BenchOptions.parse(List.of("--quick", "--out", dir.toString()));
      Report.write(dir, java.util.Map.of("cores", "2"), options, results);
      String json = Files.readString(dir.resolve("report.json"));
      assertTrue(json.contains("\"scenario\": \"e2e-normal\""), json);
      assertTrue(Files.readString(dir.resolve("report.md")).contains("| normal-sync |"));
      assertTrue(Files.size(dir.resolve("batch.png")) > 1000);
    }
  }

  @Test
  void badOptionsAreNamed() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--payload", "huge")));
    assertTrue(e.getMessage().contains("--payload"), e.getMessage());
    var scenario = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(List.of("--scenario", "fanout")));
    assertTrue(scenario.getMessage().contains("fanout"), scenario.getMessage());
  }
}
