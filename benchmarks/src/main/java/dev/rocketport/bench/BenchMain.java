package dev.rocketport.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.MQVersion;

/**
 * {@code rocketport bench}: each scenario done several ways on the same broker (a real RocketMQ
 * broker in its own JVM on loopback) — the raw client, the Rocketport RocketMQ adapter (plain and with
 * send coalescing) — and on the in-memory adapter. The broker-backed ways are measured on one common
 * ladder of rates, interleaved, so that they are compared at equal rates under the same conditions
 * ({@link InterleavedSeries}). Writes {@code report.json}, {@code report.md} and PNG charts.
 */
public final class BenchMain {
  private static final int LONE_SENDS = 3000;
  private static final int LONE_SENDS_QUICK = 1000;

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs the command line ({@link BenchCommand}); returns the exit code (2 for bad usage). */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    return CommandLines.execute(new BenchCommand(options -> bench(options, out, err)), "bench", args, out, err);
  }

  static int bench(BenchOptions options, PrintStream out, PrintStream err) throws Exception {
    List<SeriesResult> results = new ArrayList<>();
    Map<String, LoneSends.RoundTrip> loneSends;
    try (BenchAdapters adapters = BenchAdapters.open(options, out)) {
      Progress progress = new Progress(err, totalSteps(options, adapters));
      progress.show("warming up the broker and the JIT");
      for (Workloads impl : adapters.all().values()) {
        try (Workload warm = impl.create(Scenario.NORMAL_ASYNC)) {
          new OpenLoopRunner(1).probe(warm, options.probe().multipliedBy(options.quick() ? 2 : 3), 2_000);
        }
      }
      progress.show("lone synchronous sends");
      loneSends = LoneSends.measure(adapters.all(), options.quick() ? LONE_SENDS_QUICK : LONE_SENDS);
      for (Scenario scenario : options.scenarios()) {
        for (Map<String, Workloads> group : adapters.groupsFor(scenario)) {
          results.addAll(new InterleavedSeries(scenario, group, options, progress).measure());
        }
      }
      progress.finish();
      if (options.outbox()) {
        out.println(OutboxBench.markdown(OutboxBench.run(options, adapters.runtimes(), out), options.out()));
      }
    }
    if (!results.isEmpty()) {
      Report.write(options.out(), machine(options), options, results);
      out.println(Report.markdown(machine(options), results));
      out.println(LoneSends.markdown(loneSends));
      out.println("reports: " + options.out().toAbsolutePath() + "/report.{json,md} and one PNG per scenario");
    }
    return 0;
  }

  private static int totalSteps(BenchOptions options, BenchAdapters adapters) {
    int steps = 0;
    for (Scenario scenario : options.scenarios()) {
      for (Map<String, Workloads> group : adapters.groupsFor(scenario)) {
        steps += group.size() * options.rates() * options.repetitions();
      }
    }
    return steps;
  }

  private static Map<String, String> machine(BenchOptions options) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    m.put("rocketmq", MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
    m.put("broker", "single master in a child JVM on loopback (" + String.join(" ", BenchAdapters.BROKER_JVM)
        + "), ASYNC_FLUSH, ASYNC_MASTER");
    m.put("method", "warm-up and closed-loop probe per way, then " + options.rates() + " open-loop rates "
        + "spaced geometrically from " + options.lowest() + " x the slowest way's capacity to "
        + options.highest() + " x the fastest's, "
        + options.repetitions() + " x " + options.step().toMillis() + " ms each (after "
        + options.warmUp().toMillis() + " ms warm-up), ways interleaved, repetitions merged");
    m.put("payload", options.payload() + " bytes");
    m.put("bench jvm", String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
    m.put("in-memory retention", BenchAdapters.IN_MEMORY_RETENTION + " messages per queue");
    m.put("run", options.quick() ? "quick" : "full");
    return m;
  }
}
