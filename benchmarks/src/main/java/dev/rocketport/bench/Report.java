package dev.rocketport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
    md.append("\nThroughput at the seed's p99 bound (open loop, latency from intended send time):\n\n");
    md.append("| scenario | seed claims | p99 bound | raw client | Rocketport | Rocketport / raw "
        + "| Rocketport + coalescing | in-memory | closed-loop capacity raw / Rocketport / in-memory |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Scenario scenario : Scenario.values()) {
      SeriesResult raw = find(results, scenario, "raw");
      SeriesResult ours = find(results, scenario, "rocketport");
      SeriesResult mem = find(results, scenario, "inmemory");
      SeriesResult coalesced = find(results, scenario, "rocketport+coalescing");
      if (raw == null && ours == null && mem == null) {
        continue;
      }
      double ratio = raw != null && ours != null && raw.throughputAtBound() > 0
          ? ours.throughputAtBound() / raw.throughputAtBound() : Double.NaN;
      md.append(String.format(Locale.ROOT, "| %s | %s | %d ms | %s | %s | %s | %s | %s | %s / %s / %s |%n",
          scenario.id(), SEED.get(scenario), scenario.boundMillis(), cell(raw), cell(ours),
          Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f", ratio), cell(coalesced), cell(mem),
          capacity(raw), capacity(ours), capacity(mem)));
    }
    md.append("\nEvery step (target rate → achieved, p50 / p99 / p99.9 / max in ms):\n\n");
    for (SeriesResult s : results) {
      md.append(String.format(Locale.ROOT, "- **%s / %s** (closed-loop probe %,.0f msg/s)%s%n", s.scenario().id(),
          s.implementation(), s.probedCapacity(), s.error() == null ? "" : " — error: " + s.error()));
      for (StepResult step : s.steps()) {
        md.append(String.format(Locale.ROOT, "  - %,.0f → %,.0f msg/s: %.2f / %.2f / %.2f / %.2f%s%n",
            step.targetRate(), step.throughput(), step.p50Micros() / 1000.0, step.p99Micros() / 1000.0,
            step.p999Micros() / 1000.0, step.maxMicros() / 1000.0,
            step.failures() > 0 ? " (" + step.failures() + " failed)" : ""));
      }
    }
    return md.toString();
  }

  private static String cell(SeriesResult s) {
    if (s == null) {
      return "—";
    }
    return s.best().map(b -> String.format(Locale.ROOT, "%,.0f msg/s (p99 %.2f ms)", b.throughput(),
        b.p99Micros() / 1000.0)).orElse(s.error() != null ? "error" : "bound not met");
  }

  private static String capacity(SeriesResult s) {
    return s == null ? "—" : String.format(Locale.ROOT, "%,.0f", s.probedCapacity());
  }

  private static SeriesResult find(List<SeriesResult> results, Scenario scenario, String implementation) {
    return results.stream().filter(r -> r.scenario() == scenario && r.implementation().equals(implementation))
        .findFirst().orElse(null);
  }

  static String json(Map<String, String> machine, BenchOptions options, List<SeriesResult> results) {
    StringBuilder j = new StringBuilder("{\n  \"machine\": {");
    j.append(machine.entrySet().stream().map(e -> "\n    " + q(e.getKey()) + ": " + q(e.getValue()))
        .collect(Collectors.joining(","))).append("\n  },\n");
    j.append(String.format(Locale.ROOT, "  \"options\": {\"quick\": %b, \"payloadBytes\": %d, \"stepSeconds\": %d},%n",
        options.quick(), options.payload(), options.step().toSeconds()));
    j.append("  \"series\": [");
    for (int i = 0; i < results.size(); i++) {
      SeriesResult s = results.get(i);
      j.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
          "    {\"scenario\": %s, \"implementation\": %s, \"p99BoundMs\": %d, \"probedCapacity\": %.1f, "
              + "\"throughputAtBound\": %.1f, \"error\": %s, \"steps\": [", q(s.scenario().id()), q(s.implementation()),
          s.scenario().boundMillis(), s.probedCapacity(), s.throughputAtBound(),
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
