package dev.rocketport.examples.launch;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.examples.Tour;
import dev.rocketport.examples.scenarios.Scenarios;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tour}: runs the seed's scenarios where the options say; exits 0 only if every one passed. */
@Command(name = "tour",
    description = "Run the seed's scenarios, each checking its own outcome.")
final class TourCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Option(names = "--adapter", paramLabel = "ADAPTER", defaultValue = "rocketmq",
      description = {"rocketmq (default): the RocketMQ adapter on an embedded real broker (or --namesrv)",
          "rocketmq-grpc: the gRPC adapter on an embedded broker and proxy (or --endpoints)",
          "inmemory: the in-memory adapter on a virtual clock"})
  String adapter = "rocketmq";

  @Option(names = "--namesrv", paramLabel = "HOST:PORT",
      description = "use an existing RocketMQ cluster instead of the embedded broker")
  @Nullable String nameServer;

  @Option(names = "--endpoints", paramLabel = "HOST:PORT",
      description = "rocketmq-grpc: use an existing proxy (with its name server, --namesrv) instead of the embedded one")
  @Nullable String endpoints;

  @Option(names = "--scenario", paramLabel = "NAME", description = "run only this scenario (repeatable); default: all")
  List<String> scenarios = new ArrayList<>();

  @Spec
  CommandSpec spec = CommandSpec.create();

  private final PrintStream out;

  TourCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    Options options = options();
    List<Scenario> chosen = new ArrayList<>();
    (scenarios.isEmpty() ? Scenarios.names() : scenarios)
        .forEach(name -> chosen.add(Scenarios.named(name).orElseThrow()));
    out.println("Rocketport tour: " + chosen.size() + " scenarios on " + options.describeTarget());
    List<Tour.Result> results;
    try (AdapterRuntime runtime = options.open()) {
      ScenarioContext context = new ScenarioContext(runtime.messaging(), runtime.time(), runtime.meters(),
          runtime.spans(), line -> out.println("      " + line));
      results = new Tour(out).run(chosen, context, runtime.name());
      out.println(runtime.closingNote());
    }
    return results.stream().noneMatch(Tour.Result::failed) ? 0 : 1;
  }

  private Options options() {
    if (!Options.ADAPTERS.contains(adapter)) {
      throw usage("unknown adapter '" + adapter + "' (valid: " + String.join(", ", Options.ADAPTERS) + ")");
    }
    if (nameServer != null && adapter.equals("inmemory")) {
      throw usage("--namesrv needs --adapter rocketmq or rocketmq-grpc");
    }
    if (endpoints != null && !adapter.equals("rocketmq-grpc")) {
      throw usage("--endpoints needs --adapter rocketmq-grpc");
    }
    if (adapter.equals("rocketmq-grpc") && (nameServer == null) != (endpoints == null)) {
      throw usage("--adapter rocketmq-grpc takes --endpoints (the proxy) and --namesrv together: the tour creates "
          + "its topics through the admin functions, which a proxy alone does not offer");
    }
    for (String name : scenarios) {
      if (Scenarios.named(name).isEmpty()) {
        throw usage("unknown scenario '" + name + "' (valid: " + String.join(", ", Scenarios.names()) + ")");
      }
    }
    return new Options(adapter, nameServer, endpoints);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
