package dev.rocketport.examples;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Feature;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs scenarios one after another on one adapter, printing progress as it goes and a summary
 * table at the end. A scenario that throws fails; the others still run. A scenario showing an
 * optional feature the adapter lacks is not run: SKIPPED-BY-CAPABILITY, with the reason.
 */
public final class Tour {
  /** How a scenario ended. */
  public enum Status {
    PASS, FAIL, SKIPPED_BY_CAPABILITY;

    String label() {
      return name().replace('_', '-');
    }
  }

  /** One row of the summary. */
  public record Result(String scenario, String adapter, Status status, String evidence, Duration time) {
    public boolean failed() {
      return status == Status.FAIL;
    }
  }

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
      Capabilities capabilities = context.messaging().capabilities();
      List<Feature> lacking = scenario.requires().stream().filter(f -> !capabilities.supports(f)).sorted().toList();
      Result result;
      if (!lacking.isEmpty()) {
        result = new Result(scenario.name(), adapter, Status.SKIPPED_BY_CAPABILITY, "needs " + lacking + ", which "
            + capabilities.adapter() + " does not offer", since(started));
      } else {
        try {
          Scenario.Outcome outcome = scenario.run(context);
          result = new Result(scenario.name(), adapter, outcome.passed() ? Status.PASS : Status.FAIL,
              outcome.evidence(), since(started));
        } catch (Exception | AssertionError e) {
          result = new Result(scenario.name(), adapter, Status.FAIL, "threw " + e, since(started));
        }
      }
      out.printf("      %s in %.1f s: %s%n", result.status().label(), result.time().toMillis() / 1000.0,
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
    out.printf("%-24s %-13s %-6s %8s  %s%n", "scenario", "adapter", "result", "time", "evidence");
    out.println("-".repeat(110));
    for (Result r : results) {
      out.printf("%-24s %-13s %-6s %7.1fs  %s%n", r.scenario(), r.adapter(), r.status().label(),
          r.time().toMillis() / 1000.0, r.evidence());
    }
    long passed = results.stream().filter(r -> r.status() == Status.PASS).count();
    long skipped = results.stream().filter(r -> r.status() == Status.SKIPPED_BY_CAPABILITY).count();
    out.println("-".repeat(110));
    out.printf("%d passed, %d failed%s%n", passed, results.size() - passed - skipped,
        skipped == 0 ? "" : ", " + skipped + " skipped by capability");
  }
}
