package dev.rocketport.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Measures one scenario done several ways so that the ways are compared fairly: each way is warmed
 * up and its capacity probed closed-loop, then every way runs open-loop at the same rates
 * ({@link #ladder}), rate by rate, with the order of the ways rotated between repetitions, and the
 * repetitions of a rate merged into one histogram. A broker stall or a GC of the broker therefore
 * falls on every way alike instead of on whichever ran at that moment. A way past saturation skips
 * the higher rates. Used by one thread.
 */
final class InterleavedSeries {
  private static final int PROBE_WINDOW = 2_000;
  private static final Duration SETTLE = Duration.ofSeconds(2);

  private final Scenario scenario;
  private final Map<String, Workloads> ways;
  private final BenchOptions options;
  private final Progress progress;
  private final Map<String, Workload> open = new LinkedHashMap<>();
  private final Map<String, Double> capacity = new LinkedHashMap<>();
  private final Map<String, Double> bytesPerMessage = new LinkedHashMap<>();
  private final Map<String, Measurement[]> measured = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();

  InterleavedSeries(Scenario scenario, Map<String, Workloads> ways, BenchOptions options, Progress progress) {
    this.scenario = scenario;
    this.ways = ways;
    this.options = options;
    this.progress = progress;
  }

  /** Runs the whole comparison; one series per way, in the order given (a failed way carries its error). */
  List<SeriesResult> measure() {
    OpenLoopRunner runner = new OpenLoopRunner(options.threadsFor(scenario));
    try {
      ways.forEach((name, workloads) -> attempt(name, () -> open.put(name, workloads.create(scenario))));
      // warm this scenario's code paths (client, adapter, and the broker's JIT) closed-loop, unmeasured;
      // a new consumer also needs ~1.5 s before its first message
      boolean endToEnd = scenario == Scenario.E2E_NORMAL || scenario == Scenario.E2E_ORDERED;
      Duration warmUp = endToEnd && options.probe().compareTo(SETTLE) < 0 ? SETTLE : options.probe();
      open.forEach((name, w) -> {
        progress.show(scenario.id() + " / " + name + ": warming up");
        attempt(name, () -> runner.probe(w, warmUp, PROBE_WINDOW));
      });
      open.forEach((name, w) -> {
        progress.show(scenario.id() + " / " + name + ": capacity probe");
        attempt(name, () -> {
          Probe probe = runner.probe(w, options.probe(), PROBE_WINDOW);
          capacity.put(name, probe.capacity());
          bytesPerMessage.put(name, probe.bytesPerMessage());
        });
      });
      runLadder(runner);
    } finally {
      open.forEach((name, w) -> attempt(name, w::close));
    }
    List<SeriesResult> results = new ArrayList<>();
    for (String name : ways.keySet()) {
      List<StepResult> steps = new ArrayList<>();
      for (Measurement m : measured.getOrDefault(name, new Measurement[0])) {
        if (m != null) {
          steps.add(m.result());
        }
      }
      results.add(new SeriesResult(scenario, name, capacity.getOrDefault(name, 0.0),
          bytesPerMessage.getOrDefault(name, -1.0), steps, errors.get(name)));
    }
    return results;
  }

  /**
   * The common rates: {@code options.rates()} of them, geometric from {@code lowest} x the slowest
   * way's capacity to {@code highest} x the fastest's, so that both the slow ways' knee and the fast
   * ways' range are measured (at least 1 msg/s).
   */
  static List<Double> ladder(BenchOptions options, double slowest, double fastest) {
    double hi = Math.max(1, options.highest() * fastest);
    double lo = Math.min(hi, Math.max(1, options.lowest() * slowest));
    int n = options.rates();
    List<Double> rates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rates.add(n == 1 ? hi : lo * Math.pow(hi / lo, (double) i / (n - 1)));
    }
    return rates;
  }

  private void runLadder(OpenLoopRunner runner) {
    List<Double> rates = ladder(options,
        capacity.values().stream().mapToDouble(Double::doubleValue).filter(c -> c > 0).min().orElse(0),
        capacity.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
    List<String> names = new ArrayList<>(open.keySet());
    names.forEach(name -> measured.put(name, new Measurement[rates.size()]));
    Set<String> saturated = new HashSet<>();
    for (int r = 0; r < rates.size(); r++) {
      for (int rep = 0; rep < options.repetitions(); rep++) {
        for (int k = 0; k < names.size(); k++) {
          String name = names.get((k + r + rep) % names.size());
          Workload w = open.get(name);
          if (errors.containsKey(name) || w == null || saturated.contains(name)) {
            progress.advance(scenario.id() + " / " + name + " skipped");
            continue;
          }
          double ticks = Math.max(1, rates.get(r) / w.messagesPerTick());
          progress.show(String.format("%s / %s @ %,.0f msg/s (%d/%d)", scenario.id(), name,
              ticks * w.messagesPerTick(), rep + 1, options.repetitions()));
          int rate = r;
          attempt(name, () -> {
            Measurement m = runner.run(w, ticks, options.warmUp(), options.step());
            Measurement[] row = Objects.requireNonNull(measured.get(name), name);
            row[rate] = row[rate] == null ? m : row[rate].plus(m);
          });
          progress.advance(scenario.id() + " / " + name);
        }
      }
      for (String name : names) {
        Measurement m = Objects.requireNonNull(measured.get(name), name)[r];
        if (m != null && saturatedAt(m.result())) {
          saturated.add(name);
        }
      }
    }
  }

  /**
   * Whether a way is past saturation at this step (failures, or p99 beyond ten times the bound):
   * it skips the higher rates, which would only queue up and take the drain time to answer.
   */
  private boolean saturatedAt(StepResult step) {
    return step.failures() > 0 || step.p99Micros() > 10 * scenario.boundMicros();
  }

  /** Runs one action of one way; a failure marks that way failed and leaves the others running. */
  private void attempt(String name, Action action) {
    try {
      action.run();
    } catch (Exception e) {
      errors.putIfAbsent(name, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  @FunctionalInterface
  private interface Action {
    void run() throws Exception;
  }
}
