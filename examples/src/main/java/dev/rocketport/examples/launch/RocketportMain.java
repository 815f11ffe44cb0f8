package dev.rocketport.examples.launch;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.examples.Tour;
import dev.rocketport.examples.scenarios.Scenarios;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rocketport tour [--adapter inmemory|rocketmq] [--namesrv host:port] [--scenario NAME]…}:
 * runs the seed's scenarios and exits 0 only if every one passed (2 for bad usage).
 */
public final class RocketportMain {
  static final String USAGE = """
      usage: rocketport tour [--adapter inmemory|rocketmq] [--namesrv host:port] [--scenario NAME]... [--help]

        --adapter    rocketmq (default): the RocketMQ adapter on an embedded real broker (or --namesrv)
                     inmemory: the in-memory adapter on a virtual clock
        --namesrv    use an existing RocketMQ cluster instead of the embedded broker
        --scenario   run only this scenario (repeatable); default: all
      scenarios: %s
      """;

  private RocketportMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options;
    try {
      options = Options.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      err.println("rocketport: " + e.getMessage());
      err.printf(USAGE, String.join(", ", Scenarios.names()));
      return 2;
    }
    if (options.help()) {
      out.printf(USAGE, String.join(", ", Scenarios.names()));
      return 0;
    }
    List<Scenario> scenarios = new ArrayList<>();
    options.scenarios().forEach(name -> scenarios.add(Scenarios.named(name).orElseThrow()));
    out.println("Rocketport tour: " + scenarios.size() + " scenarios on " + options.describeTarget());
    List<Tour.Result> results;
    try (AdapterRuntime runtime = options.open()) {
      ScenarioContext context = new ScenarioContext(runtime.messaging(), runtime.time(), runtime.meters(), runtime.spans(),
          line -> out.println("      " + line));
      results = new Tour(out).run(scenarios, context, runtime.name());
      out.println(runtime.closingNote());
    }
    return results.stream().allMatch(Tour.Result::passed) ? 0 : 1;
  }
}
