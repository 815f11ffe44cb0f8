package dev.rocketport.bench;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How the bench's, the soak's and the faults' commands run on picocli: the launcher's command name
 * (first argument) is dropped, bad usage exits 2 with picocli's message and the help, and range
 * checks are named as picocli names bad options. Stateless.
 */
public final class CommandLines {
  private CommandLines() {}

  /** Runs {@code command} (a picocli {@code @Command}) on {@code args}; answers its exit code. */
  public static int execute(Object command, String name, List<String> args, PrintStream out, PrintStream err) {
    List<String> options = !args.isEmpty() && args.get(0).equals(name) ? args.subList(1, args.size()) : args;
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true, Charset.defaultCharset()));
    line.setErr(new PrintWriter(err, true, Charset.defaultCharset()));
    return line.execute(options.toArray(String[]::new));
  }

  /** {@code value} if it is {@code min}–{@code max}; else bad usage naming {@code option}. */
  public static int inRange(CommandLine line, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(line, option + " must be " + min + "–" + max + ", was " + value);
    }
    return value;
  }
}
