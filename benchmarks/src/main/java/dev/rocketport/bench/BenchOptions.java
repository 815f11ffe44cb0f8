package dev.rocketport.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one bench run measures, as {@link BenchCommand} read it from the command line. {@code quick}
 * (about 2 minutes) probes and measures briefly; the default run (about 10 minutes) measures five
 * rates per series, each twice, interleaved. Immutable.
 */
record BenchOptions(boolean quick, int payload, Duration warmUp, Duration step, Duration probe, double lowest,
    double highest, int rates, int repetitions, List<Scenario> scenarios, boolean outbox, List<String> adapters,
    @Nullable Integer threads, Path out) {

  /** The ways each scenario can be done, in the order they are reported. */
  static final List<String> ADAPTERS = List.of("raw", "rocketport", "observed", "uncoalesced", "raw-grpc",
      "rocketport-grpc", "inmemory");
  /** The scenario measured apart from the rate ladder (the outbox relay): only when asked for. */
  static final String OUTBOX_SCENARIO = "outbox";
  /** What runs without {@code --adapters}: every way but {@code observed}, which is asked for. */
  static final List<String> DEFAULT_ADAPTERS = List.of("raw", "rocketport", "uncoalesced", "inmemory");

  /** Whether a real broker is needed (any adapter but the in-memory one). */
  boolean needsBroker() {
    return adapters.stream().anyMatch(a -> !a.equals("inmemory"));
  }

  int threadsFor(Scenario scenario) {
    return threads != null ? threads : scenario.threads();
  }
}
