package dev.rocketport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code report.json} (every figure and the machine), {@code report.md} (the seed's table
 * beside ours) and one PNG chart per scenario.
 */
final class Report {
  private static final Map<Scenario, String> SEED = Map.of(
      Scenario.NORMAL_SYNC, "50,000 msg/s < 5 ms", Scenario.NORMAL_ASYNC, "50,000 msg/s < 5 ms",
      Scenario.ORDERED, "30,000 msg/s < 10 ms", Scenario.TRANSACTION, "20,000 msg/s < 20 ms",
      Scenario.BATCH, "—", Scenario.E2E_NORMAL, "—", Scenario.E2E_ORDERED, "—");

  private Report() {}

  static void write(Path dir, Map<String, String> machine, BenchOptions options, List<SeriesResult> results)
      throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report.json"), json(machine, options, results));
    Files.writeString(dir.resolve("report.md"), markdown(machine, results));
    Map<Scenario, List<SeriesResult>> byScenario = results.stream()
        .collect(Collectors.groupingBy(SeriesResult::scenario, java.util.LinkedHashMap::new, Collectors.toList()));
    for (var entry : byScenario.entrySet()) {
      Chart.write(entry.getKey(), entry.getValue(), dir.resolve(entry.getKey().id() + ".png"));
    }
  }

  static String markdown(Map<String, String> machine, List<SeriesResult> results) {
    StringBuilder md = new StringBuilder("# Rocketport benchmark\n\n");
    machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append("\nThroughput at the seed's p99 bound (open loop, latency from intended send time; interpolated "
        + "where the p99 curve first crosses the bound, \u2265 where no measured rate reached it). The broker-backed "
        + "ways ran on the same rates, interleaved:\n\n");
    md.append("| scenario | seed claims | p99 bound | raw client | Rocketport | Rocketport / raw at equal p99 "
        + "| p99 Rocketport / raw at equal rates (median) | Rocketport, coalescing off | in-memory "
        + "| closed-loop capacity raw / Rocketport / coalescing off / in-memory |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Scenario scenario : Scenario.values()) {
      SeriesResult raw = find(results, scenario, "raw");
      SeriesResult ours = find(results, scenario, "rocketport");
      SeriesResult mem = find(results, scenario, BenchAdapters.IN_MEMORY);
      SeriesResult uncoalesced = find(results, scenario, BenchAdapters.UNCOALESCED);
      if (raw == null && ours == null && mem == null && uncoalesced == null) {
        continue;
      }
      md.append(String.format(Locale.ROOT, "| %s | %s | %d ms | %s | %s | %s | %s | %s | %s | %s / %s / %s / %s |%n",
          scenario.id(), SEED.get(scenario), scenario.boundMillis(), cell(raw), cell(ours), ratio(raw, ours),
          latencyRatio(raw, ours), cell(uncoalesced), cell(mem), capacity(raw), capacity(ours), capacity(uncoalesced),
          capacity(mem)));
    }
    md.append(capacityRatios(results));
    md.append(allocations(results));
    md.append("\nEvery step (target rate \u2192 achieved, p50 / p99 / p99.9 / max in ms):\n\n");
    for (SeriesResult s : results) {
      md.append(String.format(Locale.ROOT, "- **%s / %s** (closed-loop probe %,.0f msg/s)%s%n", s.scenario().id(),
          s.implementation(), s.probedCapacity(), s.error() == null ? "" : " \u2014 error: " + s.error()));
      for (StepResult step : s.steps()) {
        md.append(String.format(Locale.ROOT, "  - %,.0f \u2192 %,.0f msg/s: %.2f / %.2f / %.2f / %.2f%s%n",
            step.targetRate(), step.throughput(), step.p50Micros() / 1000.0, step.p99Micros() / 1000.0,
            step.p999Micros() / 1000.0, step.maxMicros() / 1000.0,
            step.failures() > 0 ? " (" + step.failures() + " failed)" : ""));
      }
    }
    return md.toString();
  }

  private static String cell(@Nullable SeriesResult s) {
    if (s == null) {
      return "\u2014";
    }
    if (s.error() != null && s.steps().isEmpty()) {
      return "error";
    }
    double rate = s.rateAtBound();
    if (rate == 0) {
      return "bound not met";
    }
    return String.format(Locale.ROOT, "%s%,.0f msg/s", s.boundReached() ? "" : "\u2265 ", rate);
  }

  /** Rocketport's rate at the bound over raw's, both measured on the same rates. */
  static String ratio(@Nullable SeriesResult raw, @Nullable SeriesResult ours) {
    if (raw == null || ours == null || raw.rateAtBound() == 0) {
      return "\u2014";
    }
    if (!raw.boundReached() && !ours.boundReached()) {
      return "both within the bound at every rate";
    }
    String bound = !ours.boundReached() ? "\u2265 " : !raw.boundReached() ? "\u2264 " : "";
    return String.format(Locale.ROOT, "%s%.2f", bound, ours.rateAtBound() / raw.rateAtBound());
  }

  /** The median, over the rates both ran, of Rocketport's p99 divided by raw's. */
  static String latencyRatio(@Nullable SeriesResult raw, @Nullable SeriesResult ours) {
    if (raw == null || ours == null) {
      return "\u2014";
    }
    List<Double> ratios = new java.util.ArrayList<>();
    for (StepResult a : raw.steps()) {
      for (StepResult b : ours.steps()) {
        if (a.targetRate() == b.targetRate() && a.p99Micros() > 0 && a.failures() == 0 && b.failures() == 0) {
          ratios.add((double) b.p99Micros() / a.p99Micros());
        }
      }
    }
    if (ratios.isEmpty()) {
      return "\u2014";
    }
    java.util.Collections.sort(ratios);
    int n = ratios.size();
    double median = n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
    return String.format(Locale.ROOT, "%.2f", median);
  }

  /**
   * Heap bytes allocated per message during each way's closed-loop probe, by this JVM's threads: the
   * client side for the broker-backed ways (the broker runs in a child JVM), client and broker model
   * for the in-memory adapter.
   */
  /** The scenarios whose capacity ratio over the raw client the summary's geometric mean takes. */
  static final List<Scenario> HEADLINE = List.of(Scenario.NORMAL_SYNC, Scenario.NORMAL_ASYNC, Scenario.E2E_NORMAL);

  /**
   * Closed-loop capacity of Rocketport on its defaults over the raw client's, per scenario and as
   * the geometric mean over {@link #HEADLINE}; and, where measured, Rocketport with metrics and
   * tracing over plain Rocketport (the instrumentation's cost).
   */
  static String capacityRatios(List<SeriesResult> results) {
    StringBuilder md = new StringBuilder("\nClosed-loop capacity ratios:\n\n| scenario | Rocketport / raw "
        + "| Rocketport with metrics and tracing / Rocketport |\n|---|---|---|\n");
    double logSum = 0;
    int counted = 0;
    for (Scenario scenario : Scenario.values()) {
      double overRaw = capacityRatio(find(results, scenario, "rocketport"), find(results, scenario, "raw"));
      double observed = capacityRatio(find(results, scenario, BenchAdapters.OBSERVED),
          find(results, scenario, "rocketport"));
      if (overRaw > 0 || observed > 0) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", scenario.id(), ratioCell(overRaw), ratioCell(observed)));
      }
      if (overRaw > 0 && HEADLINE.contains(scenario)) {
        logSum += Math.log(overRaw);
        counted++;
      }
    }
    if (counted == HEADLINE.size()) {
      md.append(String.format(Locale.ROOT, "%nRocketport / raw, geometric mean over %s: **%.2f**%n",
          HEADLINE.stream().map(Scenario::id).toList(), Math.exp(logSum / counted)));
    }
    return md.toString();
  }

  private static double capacityRatio(@Nullable SeriesResult a, @Nullable SeriesResult b) {
    return a == null || b == null || b.probedCapacity() <= 0 ? -1 : a.probedCapacity() / b.probedCapacity();
  }

  private static String ratioCell(double ratio) {
    return ratio < 0 ? "\u2014" : String.format(Locale.ROOT, "%.2f", ratio);
  }

  private static String allocations(List<SeriesResult> results) {
    List<String> ways = results.stream().map(SeriesResult::implementation).distinct().toList();
    StringBuilder md = new StringBuilder("\nHeap bytes allocated per message in the closed-loop probe (this JVM's "
        + "threads: the client side for the broker-backed ways, whose broker runs in a child JVM; client and broker "
        + "model for in-memory):\n\n| scenario | " + String.join(" | ", ways) + " |\n|---|"
        + "---|".repeat(ways.size()) + "\n");
    for (Scenario scenario : Scenario.values()) {
      List<String> cells = ways.stream().map(way -> {
        SeriesResult s = find(results, scenario, way);
        return s == null || s.bytesPerMessage() < 0 ? "\u2014" : String.format(Locale.ROOT, "%,.0f", s.bytesPerMessage());
      }).toList();
      if (cells.stream().anyMatch(c -> !c.equals("\u2014"))) {
        md.append("| ").append(scenario.id()).append(" | ").append(String.join(" | ", cells)).append(" |\n");
      }
    }
    return md.toString();
  }

  private static String capacity(@Nullable SeriesResult s) {
    return s == null ? "\u2014" : String.format(Locale.ROOT, "%,.0f", s.probedCapacity());
  }

  private static @Nullable SeriesResult find(List<SeriesResult> results, Scenario scenario, String implementation) {
    return results.stream().filter(r -> r.scenario() == scenario && r.implementation().equals(implementation))
        .findFirst().orElse(null);
  }

  static String json(Map<String, String> machine, BenchOptions options, List<SeriesResult> results) {
    StringBuilder j = new StringBuilder("{\n  \"machine\": {");
    j.append(machine.entrySet().stream().map(e -> "\n    " + q(e.getKey()) + ": " + q(e.getValue()))
        .collect(Collectors.joining(","))).append("\n  },\n");
    j.append(String.format(Locale.ROOT, "  \"options\": {\"quick\": %b, \"payloadBytes\": %d, \"stepMillis\": %d, "
        + "\"repetitions\": %d, "
        + "\"rates\": %d, \"lowest\": %.2f, \"highest\": %.2f},%n", options.quick(), options.payload(),
        options.step().toMillis(), options.repetitions(), options.rates(), options.lowest(), options.highest()));
    j.append("  \"series\": [");
    for (int i = 0; i < results.size(); i++) {
      SeriesResult s = results.get(i);
      j.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
          "    {\"scenario\": %s, \"implementation\": %s, \"p99BoundMs\": %d, \"probedCapacity\": %.1f, "
              + "\"bytesPerMessage\": %.1f, \"throughputAtBound\": %.1f, \"rateAtBound\": %.1f, \"boundReached\": %b, "
              + "\"error\": %s, \"steps\": [", q(s.scenario().id()), q(s.implementation()),
          s.scenario().boundMillis(), s.probedCapacity(), s.bytesPerMessage(), s.throughputAtBound(), s.rateAtBound(),
          s.boundReached(),
          s.error() == null ? "null" : q(s.error())));
      j.append(s.steps().stream().map(st -> String.format(Locale.ROOT,
          "{\"targetRate\": %.1f, \"throughput\": %.1f, \"p50Ms\": %.3f, \"p99Ms\": %.3f, \"p999Ms\": %.3f, "
              + "\"maxMs\": %.3f, \"messages\": %d, \"failures\": %d}", st.targetRate(), st.throughput(),
          st.p50Micros() / 1000.0, st.p99Micros() / 1000.0, st.p999Micros() / 1000.0, st.maxMicros() / 1000.0,
          st.messages(), st.failures())).collect(Collectors.joining(", ")));
      j.append("]}");
    }
    return j.append("\n  ]\n}\n").toString();
  }

  private static String q(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + '"';
  }
}
