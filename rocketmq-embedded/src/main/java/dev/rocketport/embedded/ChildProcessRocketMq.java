package dev.rocketport.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An embedded name server, broker or both in a child JVM, so that a fault test can
 * {@linkplain #kill() kill} it like a crashed server. Starts with this JVM's class path; JVM options
 * passed in reach the child (heap; RocketMQ's {@code tls.*} properties). {@link #close()} stops it
 * (gracefully if it still runs). Not thread-safe: one test owns it.
 */
public final class ChildProcessRocketMq implements AutoCloseable {

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
    List<String> args = new ArrayList<>(List.of("--store", store.toString()));
    if (defaults) {
      args.add("--defaults");
    }
    return launch(store, jvmOptions, args);
  }

  /** A name server and broker set up by {@code options} (flush mode, access control), on {@code store}. */
  public static ChildProcessRocketMq start(Path store, BrokerOptions options, List<String> jvmOptions) {
    List<String> args = new ArrayList<>(List.of("--store", store.toString()));
    args.addAll(options.toArguments());
    return launch(store, jvmOptions, args);
  }

  /**
   * A name server alone on {@code 127.0.0.1:port}: started again on the same port after a kill, it
   * takes over its predecessor's address (brokers re-register within their 30 s heartbeat).
   */
  public static ChildProcessRocketMq nameServer(Path dir, int port) {
    return launch(dir, List.of("-Xmx128m"), List.of("--role", "namesrv", "--port", String.valueOf(port), "--store",
        dir.toString()));
  }

  /** A broker alone on {@code store}, set up by {@code options}, registering with {@code nameServer}. */
  public static ChildProcessRocketMq broker(Path store, String nameServer, BrokerOptions options,
      List<String> jvmOptions) {
    List<String> args = new ArrayList<>(List.of("--role", "broker", "--namesrv", nameServer, "--store",
        store.toString()));
    args.addAll(options.toArguments());
    return launch(store, jvmOptions, args);
  }

  private static ChildProcessRocketMq launch(Path home, List<String> jvmOptions, List<String> args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    // the child's home is its store, so nothing RocketMQ writes under ${user.home} escapes it
    command.addAll(List.of("-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
        EmbeddedRocketMqMain.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    Process process = null;
    try {
      process = builder.start();
      Process started = process;
      CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readAddress(started));
      String address = ready.get(60, TimeUnit.SECONDS);
      return new ChildProcessRocketMq(process, address);
    } catch (Exception e) {
      if (process != null) {
        process.destroyForcibly();
      }
      throw new IllegalStateException("could not start the child-process broker " + args + ": " + e.getMessage(), e);
    }
  }

  private static String readAddress(Process process) {
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(EmbeddedRocketMqMain.READY_PREFIX)) {
          String address = line.substring(EmbeddedRocketMqMain.READY_PREFIX.length());
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
