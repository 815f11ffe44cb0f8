package dev.rocketport.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bench command line. {@code --quick} (about 2 minutes) probes and measures briefly; the default
 * run (about 10 minutes) measures five rates per series, each twice, interleaved. Immutable.
 */
record BenchOptions(boolean quick, int payload, Duration warmUp, Duration step, Duration probe, double lowest,
    double highest, int rates, int repetitions, List<Scenario> scenarios, boolean outbox, List<String> adapters,
    @Nullable Integer threads, Path out, boolean help) {

  /** The ways each scenario can be done, in the order they are reported. */
  static final List<String> ADAPTERS = List.of("raw", "rocketport", "observed", "coalescing", "inmemory");
  /** The scenario measured apart from the rate ladder (the outbox relay): only when asked for. */
  static final String OUTBOX_SCENARIO = "outbox";
  /** What runs without {@code --adapters}: every way but {@code observed}, which is asked for. */
  static final List<String> DEFAULT_ADAPTERS = List.of("raw", "rocketport", "coalescing", "inmemory");

  static final String USAGE = """
      usage: rocketport bench [--quick] [--payload BYTES] [--step SECONDS] [--repeat N] [--threads N]
                              [--scenario ID]... [--adapters LIST] [--out DIR] [--help]
        --quick      short run (~2 min): 2 rates per series, 0.5 s steps, no repetition
        --payload    message body size in bytes (default 128)
        --step       seconds measured per rate and repetition (default 1; quick 0.5)
        --repeat     repetitions of each rate, interleaved across adapters (default 2; quick 1)
        --threads    worker threads of blocking scenarios (default: per scenario, 16–64)
        --scenario   only this scenario (repeatable): %s, or outbox (staged → published per
                     second through the outbox relay, on H2 and PostgreSQL; only when asked for)
        --adapters   comma-separated subset of raw,rocketport,observed,coalescing,inmemory (default
                     all but observed: Rocketport with metrics and tracing installed, to measure
                     their overhead against rocketport; inmemory alone starts no broker)
        --out        report directory (default target/rocketport-bench)
      """;

  static BenchOptions parse(List<String> args) {
    boolean quick = args.contains("--quick");
    int payload = 128;
    Duration step = null;
    @Nullable Integer threads = null;
    Integer repetitions = null;
    List<String> adapters = DEFAULT_ADAPTERS;
    List<Scenario> scenarios = new ArrayList<>();
    boolean outbox = false;
    Path out = Path.of("target", "rocketport-bench");
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--quick" -> { }
        case "--help", "-h" -> help = true;
        case "--payload" -> payload = number(args, ++i, arg, 8, 4 * 1024 * 1024);
        case "--step" -> step = Duration.ofSeconds(number(args, ++i, arg, 1, 600));
        case "--threads" -> threads = number(args, ++i, arg, 1, 1024);
        case "--repeat" -> repetitions = number(args, ++i, arg, 1, 20);
        case "--adapters" -> adapters = adapters(value(args, ++i, arg));
        case "--scenario" -> {
          String id = value(args, ++i, arg);
          if (id.equals(OUTBOX_SCENARIO)) {
            outbox = true;
          } else {
            scenarios.add(Scenario.byId(id));
          }
        }
        case "--out" -> out = Path.of(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    return new BenchOptions(quick, payload, Duration.ofMillis(quick ? 250 : 500),
        step != null ? step : Duration.ofMillis(quick ? 500 : 1000), Duration.ofSeconds(quick ? 1 : 2),
        quick ? 0.3 : 0.1, quick ? 0.7 : 1.0, quick ? 2 : 5,
        repetitions != null ? repetitions : quick ? 1 : 2,
        scenarios.isEmpty() && !outbox ? List.of(Scenario.values()) : List.copyOf(scenarios), outbox, adapters,
        threads, out, help);
  }

  /** Whether a real broker is needed (any adapter but the in-memory one). */
  boolean needsBroker() {
    return adapters.stream().anyMatch(a -> !a.equals("inmemory"));
  }

  private static List<String> adapters(String list) {
    List<String> chosen = new ArrayList<>();
    for (String name : list.split(",")) {
      String adapter = name.trim();
      if (!ADAPTERS.contains(adapter)) {
        throw new IllegalArgumentException("--adapters: unknown adapter '" + adapter + "' (valid: "
            + String.join(", ", ADAPTERS) + ")");
      }
      if (!chosen.contains(adapter)) {
        chosen.add(adapter);
      }
    }
    return ADAPTERS.stream().filter(chosen::contains).toList();
  }

  int threadsFor(Scenario scenario) {
    return threads != null ? threads : scenario.threads();
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }

  private static int number(List<String> args, int index, String option, int min, int max) {
    String value = value(args, index, option);
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(option + " must be " + min + "–" + max + ", was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, was '" + value + "'");
    }
  }
}
