package dev.rocketport.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator's commands, {@code ./rocketport dlq} and {@code ./rocketport status}: parses the
 * arguments (picocli), runs the command, and maps a {@link CliFailure} to its message and exit code.
 */
@Command(name = "rocketport", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Operate a RocketMQ cluster through Rocketport.",
    subcommands = {DlqCommand.class, StatusCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done (also when filters matched nothing)",
        "1:the dead letter asked for is not pending",
        "2:bad arguments; nothing read or moved",
        "3:the cluster is unreachable or refused the credentials; nothing moved",
        "4:a redrive stopped part-way; the audit file says which letters moved",
        "5:a redrive finished, but the loop guard held letters back (see --force)"})
public final class RocketportCli {

  private RocketportCli() {}

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs one command line, writing to {@code out} and {@code err}; answers the exit code. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine line = new CommandLine(new RocketportCli());
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      if (e instanceof CliFailure failure) {
        err.println("rocketport: " + failure.getMessage());
        return failure.exitCode();
      }
      throw e;
    });
    return line.execute(args);
  }
}
