package dev.rocketport.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The embedded broker in a child JVM, so that a fault test can {@linkplain #kill() kill} it like a
 * crashed server. Starts with this JVM's class path; {@link #close()} stops it (gracefully if it
 * still runs). Not thread-safe: one test owns it.
 */
public final class ChildProcessRocketMq implements AutoCloseable {
  static final String READY_PREFIX = "ROCKETPORT_NAMESRV=";

  private final Process process;
  private final String nameServerAddress;

  private ChildProcessRocketMq(Process process, String nameServerAddress) {
    this.process = process;
    this.nameServerAddress = nameServerAddress;
  }

  /**
   * Starts a child JVM running {@link EmbeddedRocketMqMain} on the store in {@code store} (kept, so a
   * restarted child finds the messages of a killed one) and waits (up to 60 s) until it is ready.
   */
  public static ChildProcessRocketMq start(Path store) {
    return start(store, List.of("-Xmx512m"));
  }

  /** As {@link #start(Path)}, with these JVM options for the child (heap, collector). */
  public static ChildProcessRocketMq start(Path store, List<String> jvmOptions) {
    return start(store, jvmOptions, false);
  }

  /**
   * As {@link #start(Path)}, with RocketMQ's own timings ({@link EmbeddedSettings#rocketMqDefaults()})
   * instead of the test tuning: for tests of what users meet on a default deployment.
   */
  public static ChildProcessRocketMq startWithDefaults(Path store) {
    return start(store, List.of("-Xmx512m"), true);
  }

  private static ChildProcessRocketMq start(Path store, List<String> jvmOptions, boolean defaults) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    // the child's home is its store, so nothing RocketMQ writes under ${user.home} escapes it
    command.addAll(List.of("-Duser.home=" + store, "-cp", System.getProperty("java.class.path"), EmbeddedRocketMqMain.class.getName(), "--store",
        store.toString()));
    if (defaults) {
      command.add("--defaults");
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readAddress(process));
      String address = ready.get(60, TimeUnit.SECONDS);
      return new ChildProcessRocketMq(process, address);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the child-process broker: " + e.getMessage(), e);
    }
  }

  private static String readAddress(Process process) {
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(READY_PREFIX)) {
          String address = line.substring(READY_PREFIX.length());
          Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-broker-output");
          drain.setDaemon(true);
          drain.start();
          return address;
        }
      }
      throw new IllegalStateException("the child broker exited before it was ready");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String nameServerAddress() {
    return nameServerAddress;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the broker abruptly (SIGKILL), as a crash would. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try {
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (IOException e) {
      kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }
}
