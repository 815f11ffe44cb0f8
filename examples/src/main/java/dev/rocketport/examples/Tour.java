package dev.rocketport.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs scenarios one after another on one adapter, printing progress as it goes and a summary
 * table at the end. A scenario that throws fails; the others still run.
 */
public final class Tour {
  /** One row of the summary. */
  public record Result(String scenario, String adapter, boolean passed, String evidence, Duration time) {}

  private final PrintStream out;

  public Tour(PrintStream out) {
    this.out = out;
  }

  public List<Result> run(List<Scenario> scenarios, ScenarioContext context, String adapter) {
    List<Result> results = new ArrayList<>();
    int index = 0;
    for (Scenario scenario : scenarios) {
      index++;
      out.printf("[%d/%d] %s — %s%n", index, scenarios.size(), scenario.name(), scenario.description());
      long started = System.nanoTime();
      Result result;
      try {
        Scenario.Outcome outcome = scenario.run(context);
        result = new Result(scenario.name(), adapter, outcome.passed(), outcome.evidence(), since(started));
      } catch (Exception | AssertionError e) {
        result = new Result(scenario.name(), adapter, false, "threw " + e, since(started));
      }
      out.printf("      %s in %.1f s: %s%n", result.passed() ? "PASS" : "FAIL", result.time().toMillis() / 1000.0,
          result.evidence());
      results.add(result);
    }
    printTable(results);
    return results;
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private void printTable(List<Result> results) {
    out.println();
    out.printf("%-24s %-10s %-6s %8s  %s%n", "scenario", "adapter", "result", "time", "evidence");
    out.println("-".repeat(110));
    for (Result r : results) {
      out.printf("%-24s %-10s %-6s %7.1fs  %s%n", r.scenario(), r.adapter(), r.passed() ? "PASS" : "FAIL",
          r.time().toMillis() / 1000.0, r.evidence());
    }
    long passed = results.stream().filter(Result::passed).count();
    out.println("-".repeat(110));
    out.printf("%d passed, %d failed%n", passed, results.size() - passed);
  }
}
