package dev.rocketport.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rocketport bench}: the command line of {@link BenchMain}, on picocli. */
@Command(name = "rocketport bench", sortOptions = false,
    description = "Measure throughput and latency: the raw client, Rocketport and the in-memory adapter.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Option(names = "--quick", description = "short run (~2 min): 2 rates per series, 0.5 s steps, no repetition")
  boolean quick;

  @Option(names = "--payload", paramLabel = "BYTES", defaultValue = "128",
      description = "message body size in bytes (8–4194304, default ${DEFAULT-VALUE})")
  int payload;

  @Option(names = "--step", paramLabel = "SECONDS",
      description = "seconds measured per rate and repetition (1–600; default 1, quick 0.5)")
  @Nullable Integer step;

  @Option(names = "--repeat", paramLabel = "N",
      description = "repetitions of each rate, interleaved across adapters (1–20; default 2, quick 1)")
  @Nullable Integer repeat;

  @Option(names = "--threads", paramLabel = "N",
      description = "worker threads of blocking scenarios (1–1024; default: per scenario, 16–64)")
  @Nullable Integer threads;

  @Option(names = "--scenario", paramLabel = "ID", completionCandidates = ScenarioIds.class,
      description = {"only this scenario (repeatable): ${COMPLETION-CANDIDATES}; outbox (staged → published per "
          + "second through the outbox relay, on H2 and PostgreSQL) runs only when asked for"})
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--adapters", paramLabel = "LIST", split = ",",
      description = {"comma-separated subset of raw,rocketport,observed,uncoalesced,raw-grpc,rocketport-grpc,inmemory "
          + "(default all but observed — Rocketport with metrics and tracing installed, to measure their overhead "
          + "against rocketport — and the gRPC pair, which also starts RocketMQ's proxy; inmemory alone starts no "
          + "broker)"})
  List<String> adapters = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "report directory (default target/rocketport-bench)")
  Path out = Path.of("target", "rocketport-bench");

  @Spec
  CommandSpec spec = CommandSpec.create();

  /** What runs once the options are read; answers the exit code. */
  @FunctionalInterface
  interface Run {
    int bench(BenchOptions options) throws Exception;
  }

  private final Run run;

  BenchCommand(Run run) {
    this.run = run;
  }

  /** The options {@code args} give; bad usage throws {@link ParameterException} naming the option. */
  static BenchOptions parse(List<String> args) {
    BenchCommand command = new BenchCommand(options -> 0);
    new CommandLine(command).parseArgs(args.toArray(String[]::new));
    return command.options();
  }

  @Override
  public Integer call() throws Exception {
    return run.bench(options());
  }

  BenchOptions options() {
    CommandLine line = spec.commandLine();
    CommandLines.inRange(line, "--payload", payload, 8, 4 * 1024 * 1024);
    List<Scenario> chosen = new ArrayList<>();
    boolean outbox = false;
    for (String id : scenarios) {
      if (id.equals(BenchOptions.OUTBOX_SCENARIO)) {
        outbox = true;
      } else {
        chosen.add(Scenario.byId(id).orElseThrow(() -> new ParameterException(line, "--scenario: unknown scenario '"
            + id + "' (valid: " + String.join(", ", new ScenarioIds()) + ", outbox)")));
      }
    }
    for (String adapter : adapters) {
      if (!BenchOptions.ADAPTERS.contains(adapter.trim())) {
        throw new ParameterException(line, "--adapters: unknown adapter '" + adapter + "' (valid: "
            + String.join(", ", BenchOptions.ADAPTERS) + ")");
      }
    }
    List<String> ways = adapters.isEmpty() ? BenchOptions.DEFAULT_ADAPTERS
        : BenchOptions.ADAPTERS.stream().filter(a -> adapters.stream().anyMatch(a::equals)).toList();
    Duration stepLength = step != null ? Duration.ofSeconds(CommandLines.inRange(line, "--step", step, 1, 600))
        : Duration.ofMillis(quick ? 500 : 1000);
    int repetitions = repeat != null ? CommandLines.inRange(line, "--repeat", repeat, 1, 20) : quick ? 1 : 2;
    if (threads != null) {
      CommandLines.inRange(line, "--threads", threads, 1, 1024);
    }
    return new BenchOptions(quick, payload, Duration.ofMillis(quick ? 250 : 500), stepLength,
        Duration.ofSeconds(quick ? 1 : 2), quick ? 0.3 : 0.1, quick ? 0.7 : 1.0, quick ? 2 : 5, repetitions,
        chosen.isEmpty() && !outbox ? List.of(Scenario.values()) : List.copyOf(chosen), outbox, ways, threads, out);
  }

  /** The scenario ids, for the help. */
  static final class ScenarioIds extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    ScenarioIds() {
      super(Arrays.stream(Scenario.values()).map(Scenario::id).toList());
    }
  }
}
