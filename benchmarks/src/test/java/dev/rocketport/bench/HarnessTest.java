package dev.rocketport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.inmemory.broker.InMemoryConfig;
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
    try (InMemoryMessaging messaging = InMemoryMessaging.wallClock(InMemoryConfig.builder().journalCapacity(0).build())) {
      PortWorkloads workloads = new PortWorkloads(messaging, 64);
      List<SeriesResult> results = new java.util.ArrayList<>();
      for (Scenario scenario : List.of(Scenario.NORMAL_SYNC, Scenario.BATCH, Scenario.E2E_NORMAL)) {
        try (Workload workload = workloads.create(scenario)) {
          OpenLoopRunner runner = new OpenLoopRunner(4);
          Probe probe = runner.probe(workload, Duration.ofMillis(300), 100);
          double capacity = probe.capacity();
          StepResult step = runner.run(workload, 200, Duration.ofMillis(100), Duration.ofSeconds(1)).result();
          assertTrue(capacity > 0, scenario + " probe found capacity");
          assertTrue(probe.bytesPerMessage() > 0, scenario + " probe counted allocations: " + probe.bytesPerMessage());
          long expected = 200L * workload.messagesPerTick();
          assertTrue(Math.abs(step.messages() - expected) <= workload.messagesPerTick(),
              scenario + ": " + step.messages() + " messages recorded, expected " + expected);
          assertEquals(0, step.failures());
          results.add(new SeriesResult(scenario, "inmemory", capacity, probe.bytesPerMessage(), List.of(step), null));
        }
      }
      BenchOptions options = BenchCommand.parse(List.of("--quick", "--out", dir.toString()));
      Report.write(dir, java.util.Map.of("cores", "2"), options, results);
      String json = Files.readString(dir.resolve("report.json"));
      assertTrue(json.contains("\"scenario\": \"e2e-normal\""), json);
      assertTrue(Files.readString(dir.resolve("report.md")).contains("| normal-sync |"));
      assertTrue(json.contains("\"bytesPerMessage\": "), json);
      assertTrue(Files.readString(dir.resolve("report.md")).contains("Heap bytes allocated per message"));
      assertTrue(Files.size(dir.resolve("batch.png")) > 1000);
    }
  }

  @Test
  void interleavedWaysRunOnTheSameRatesAndRepetitionsAreMerged() {
    try (InMemoryMessaging a = InMemoryMessaging.wallClock(InMemoryConfig.builder().journalCapacity(0).build());
         InMemoryMessaging b = InMemoryMessaging.wallClock(InMemoryConfig.builder().journalCapacity(0).build())) {
      var ways = new java.util.LinkedHashMap<String, Workloads>();
      ways.put("first", new PortWorkloads(a, 64));
      ways.put("second", new PortWorkloads(b, 64));
      BenchOptions options = BenchCommand.parse(List.of("--quick", "--repeat", "2", "--adapters", "inmemory"));
      List<SeriesResult> results = new InterleavedSeries(Scenario.NORMAL_ASYNC, ways, options,
          new Progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), 8)).measure();
      assertEquals(List.of("first", "second"), results.stream().map(SeriesResult::implementation).toList());
      // the first rate runs for every way; a way past saturation there may skip the next one
      StepResult first = results.get(0).steps().get(0);
      StepResult second = results.get(1).steps().get(0);
      assertEquals(first.targetRate(), second.targetRate(), "both ways ran the first step at the same rate");
      for (SeriesResult series : results) {
        assertEquals(null, series.error());
        for (StepResult step : series.steps()) {
          assertEquals(2 * options.step().toMillis() / 1000.0, step.messages() / step.throughput(), 0.05,
              "two repetitions merged: " + step);
        }
      }
    }
  }

  @Test
  void theRateAtTheBoundIsInterpolatedAtTheFirstCrossing() {
    StepResult low = new StepResult(1000, 1000, 100, 2_000, 3_000, 4_000, 1000, 0);
    StepResult high = new StepResult(3000, 3000, 300, 8_000, 9_000, 9_500, 3000, 0);
    StepResult higherButGood = new StepResult(5000, 5000, 300, 1_000, 9_000, 9_500, 5000, 0);
    SeriesResult crossing = new SeriesResult(Scenario.NORMAL_SYNC, "x", 0, -1, List.of(low, high, higherButGood), null);
    assertEquals(2000, crossing.rateAtBound(), 1e-6, "5 ms lies halfway between 2 ms and 8 ms");
    assertTrue(crossing.boundReached());
    assertEquals(5000, crossing.throughputAtBound(), 1e-6, "the fastest step within the bound");
    SeriesResult never = new SeriesResult(Scenario.NORMAL_SYNC, "x", 0, -1, List.of(low), null);
    assertEquals(1000, never.rateAtBound(), 1e-6);
    assertTrue(!never.boundReached());
    SeriesResult failedFirst = new SeriesResult(Scenario.NORMAL_SYNC, "x", 0, -1, List.of(high), null);
    assertEquals(0, failedFirst.rateAtBound(), 1e-6);
  }

  @Test
  void theLadderSpansTheSlowWaysKneeAndTheFastWaysRange() {
    BenchOptions full = BenchCommand.parse(List.of());
    List<Double> rates = InterleavedSeries.ladder(full, 1_000, 16_000);
    assertEquals(5, rates.size());
    assertEquals(100, rates.get(0), 1e-6, "10 % of the slowest");
    assertEquals(16_000, rates.get(4), 1e-6, "100 % of the fastest");
    for (int i = 1; i < rates.size(); i++) {
      assertEquals(rates.get(1) / rates.get(0), rates.get(i) / rates.get(i - 1), 1e-6, "geometric");
    }
    assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 1.0), InterleavedSeries.ladder(full, 0, 0), "no capacity: 1 msg/s");
  }

  @Test
  void adaptersAreChosenByName() {
    assertEquals(List.of("rocketport", "inmemory"),
        BenchCommand.parse(List.of("--adapters", "inmemory,rocketport")).adapters());
    assertTrue(!BenchCommand.parse(List.of("--adapters", "inmemory")).needsBroker());
    var e = org.junit.jupiter.api.Assertions.assertThrows(picocli.CommandLine.ParameterException.class,
        () -> BenchCommand.parse(List.of("--adapters", "kafka")));
    assertTrue(e.getMessage().contains("kafka"), e.getMessage());
  }

  @Test
  void badOptionsAreNamed() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(picocli.CommandLine.ParameterException.class,
        () -> BenchCommand.parse(List.of("--payload", "huge")));
    assertTrue(e.getMessage().contains("--payload"), e.getMessage());
    var scenario = org.junit.jupiter.api.Assertions.assertThrows(picocli.CommandLine.ParameterException.class,
        () -> BenchCommand.parse(List.of("--scenario", "fanout")));
    assertTrue(scenario.getMessage().contains("fanout"), scenario.getMessage());
  }
}
