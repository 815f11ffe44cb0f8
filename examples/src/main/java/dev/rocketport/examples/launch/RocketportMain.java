package dev.rocketport.examples.launch;

import dev.rocketport.examples.scenarios.Scenarios;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rocketport tour [--adapter inmemory|rocketmq] [--namesrv host:port] [--scenario NAME]…}
 * ({@link TourCommand}, on picocli): exits 0 only if every scenario passed, 1 if one failed, 2 for
 * bad usage.
 */
@Command(name = "rocketport", description = "Rocketport's tour.")
public final class RocketportMain {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;


  private RocketportMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine tour = new CommandLine(new TourCommand(out));
    tour.getCommandSpec().usageMessage().footer("%nScenarios: " + String.join(", ", Scenarios.names()));
    CommandLine line = new CommandLine(new RocketportMain()).addSubcommand(tour);
    line.setOut(new PrintWriter(out, true, Charset.defaultCharset()));
    line.setErr(new PrintWriter(err, true, Charset.defaultCharset()));
    return line.execute(args);
  }
}
