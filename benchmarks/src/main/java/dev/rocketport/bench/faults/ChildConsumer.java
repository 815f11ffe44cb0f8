package dev.rocketport.bench.faults;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A consumer in a JVM of its own, for a fault to kill ({@code kill -9}): started with this JVM's class
 * path, it prints {@code READY} once subscribed and {@code H <what>} for each message before its handler
 * acknowledges it, and runs until its standard input closes; its standard error (its log) goes to
 * this JVM's, each line prefixed with its main class's name. {@link #forEachHandled} reads those lines
 * until the process ends, so what a killed consumer acknowledged is known to the line. Not thread-safe:
 * one owner starts, reads and kills it.
 */
public final class ChildConsumer {
  private static final String READY = "READY";
  private static final String HANDLED = "H ";
  /** The child's report channel: its standard output, flushed at each line. */
  private static final PrintStream REPORTS = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
      StandardCharsets.UTF_8);

  private final Process process;

  private ChildConsumer(Process process) {
    this.process = process;
  }

  /** In the child, from a handler: reports {@code what} handled (call it before acknowledging). */
  public static void reportHandled(String what) {
    REPORTS.println(HANDLED + what);
  }

  /** In the child, once subscribed: tells the parent so, then returns when the parent closes its input. */
  public static void readyUntilInputCloses() throws IOException {
    REPORTS.println(READY);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      while (in.readLine() != null) {
        // run until the parent closes our input
      }
    }
  }

  /** Starts {@code main} (a class whose {@code main} behaves as above) with {@code args}. */
  public static ChildConsumer start(Class<?> main, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        main.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    // its log lines, for whoever looks into a failure, told apart from this JVM's own
    Thread errors = new Thread(() -> passOn(process, "[" + main.getSimpleName() + "] "), "child-consumer-errors");
    errors.setDaemon(true);
    errors.start();
    return new ChildConsumer(process);
  }

  private static void passOn(Process process, String prefix) {
    try (BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(),
        StandardCharsets.UTF_8))) {
      errors.lines().forEach(line -> System.err.println(prefix + line));
    } catch (IOException | java.io.UncheckedIOException e) {
      // the process was killed: its last lines are gone with it
    }
  }

  /**
   * Calls {@code ready} on its ready line and {@code handled} with each handled line's text, until its
   * output ends (it exited or was killed; a line cut by the kill is not counted).
   */
  public void forEachHandled(Runnable ready, Consumer<String> handled) {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(HANDLED)) {
          handled.accept(line.substring(HANDLED.length()));
        } else if (line.equals(READY)) {
          ready.run();
        }
      }
    } catch (IOException e) {
      // the process was killed mid-line; what was read is counted
    }
  }

  /** Kills it abruptly (SIGKILL) and waits up to 30 s for it to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Closes its input, so it unsubscribes and exits, and waits up to {@code seconds} for that; kills it if it has not. */
  public void close(int seconds) throws InterruptedException, IOException {
    process.getOutputStream().close();
    if (!process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
      kill();
    }
  }
}
