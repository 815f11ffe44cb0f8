package dev.rocketport.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bench command line. {@code --quick} (about 2 minutes) probes and measures briefly; the default
 * run (about 10 minutes) measures five rates per series for longer. Immutable.
 */
record BenchOptions(boolean quick, int payload, Duration warmUp, Duration step, Duration probe, List<Double> fractions,
    List<Scenario> scenarios, Integer threads, Path out, boolean help) {

  static final String USAGE = """
      usage: rocketport bench [--quick] [--payload BYTES] [--step SECONDS] [--threads N]
                              [--scenario ID]... [--out DIR] [--help]
        --quick      short run (~2 min): 2 rates per series, 1 s steps
        --payload    message body size in bytes (default 128)
        --step       seconds measured per rate (default 2; quick 1)
        --threads    worker threads of blocking scenarios (default: per scenario, 16–64)
        --scenario   only this scenario (repeatable): %s
        --out        report directory (default target/rocketport-bench)
      """;

  static BenchOptions parse(List<String> args) {
    boolean quick = args.contains("--quick");
    int payload = 128;
    Duration step = null;
    Integer threads = null;
    List<Scenario> scenarios = new ArrayList<>();
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
        case "--scenario" -> scenarios.add(Scenario.byId(value(args, ++i, arg)));
        case "--out" -> out = Path.of(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    return new BenchOptions(quick, payload, quick ? Duration.ofMillis(500) : Duration.ofSeconds(1),
        step != null ? step : Duration.ofSeconds(quick ? 1 : 2), Duration.ofSeconds(quick ? 1 : 2),
        quick ? List.of(0.3, 0.7) : List.of(0.1, 0.25, 0.5, 0.75, 1.0),
        scenarios.isEmpty() ? List.of(Scenario.values()) : List.copyOf(scenarios), threads, out, help);
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
