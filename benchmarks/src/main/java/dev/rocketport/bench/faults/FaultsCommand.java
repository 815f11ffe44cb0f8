package dev.rocketport.bench.faults;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rocketport faults}: the command line of {@link FaultsMain}, on picocli. */
@Command(name = "rocketport faults",
    description = "Kill brokers, a consumer and the name server under load (child-JVM cluster), close under load, "
        + "hang a handler; print sent, acknowledged, failed, unknown, lost, duplicates and recovery per scenario.")
final class FaultsCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Option(names = "--quick", description = "the smaller load of the build's test (default: the full load)")
  boolean quick;

  /** What runs once the options are read; answers the exit code. */
  @FunctionalInterface
  interface Run {
    int faults(FaultSizes sizes) throws Exception;
  }

  private final Run run;

  FaultsCommand(Run run) {
    this.run = run;
  }

  @Override
  public Integer call() throws Exception {
    return run.faults(quick ? FaultSizes.quick() : FaultSizes.full());
  }
}
