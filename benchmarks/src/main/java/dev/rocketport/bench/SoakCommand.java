package dev.rocketport.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rocketport soak}: the command line of {@link SoakMain}, on picocli. */
@Command(name = "rocketport soak", sortOptions = false,
    description = "Publish and consume at a fixed rate against a broker in its own JVM; record heap, threads, lag, "
        + "loss and duplicates.")
final class SoakCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Option(names = "--minutes", paramLabel = "N", defaultValue = "10",
      description = "how long to publish (1–1440, default ${DEFAULT-VALUE}); then it drains and stops by itself")
  int minutes;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "200",
      description = "messages published per second (100–5000, default ${DEFAULT-VALUE})")
  int rate;

  @Option(names = "--chaos", description = {"inject a fault every minute, in turn: the master killed (kill -9), "
      + "the replica promoted, the old master restarted to rejoin; the master's connections reset after each request "
      + "for 5 s; a black hole in front of the master for 10 s; the consumer group's second member, a process of its "
      + "own, killed (kill -9) and replaced — against a replicated group (master, replica, controller) that clients "
      + "reach through fault-injecting links"})
  boolean chaos;

  @Option(names = "--out", paramLabel = "DIR", description = "report directory (default target/rocketport-soak)")
  Path out = Path.of("target", "rocketport-soak");

  @Spec
  CommandSpec spec = CommandSpec.create();

  /** What runs once the options are read; answers the exit code. */
  @FunctionalInterface
  interface Run {
    int soak(int minutes, int rate, boolean chaos, Path out) throws Exception;
  }

  private final Run run;

  SoakCommand(Run run) {
    this.run = run;
  }

  @Override
  public Integer call() throws Exception {
    CommandLine line = spec.commandLine();
    return run.soak(CommandLines.inRange(line, "--minutes", minutes, 1, 1440),
        CommandLines.inRange(line, "--rate", rate, 100, 5000), chaos, out);
  }
}
