package dev.rocketport.embedded;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An embedded name server, broker or both in a child JVM, so that a fault test can
 * {@linkplain #kill() kill} it like a crashed server, or RocketMQ's proxy (LOCAL mode beside a broker,
 * or CLUSTER mode alone). Starts with this JVM's class path (less the gRPC client); JVM options
 * passed in reach the child (heap; RocketMQ's {@code tls.*} properties). {@link #close()} stops it
 * (gracefully if it still runs). Not thread-safe: one test owns it.
 */
public final class ChildProcessRocketMq implements AutoCloseable {

  private final Process process;
  private final String nameServerAddress;
  private final @Nullable String proxyEndpoint;

  private ChildProcessRocketMq(Process process, Ready ready) {
    this.process = process;
    this.nameServerAddress = ready.nameServer();
    this.proxyEndpoint = ready.proxy();
  }

  /** What the child printed once ready: its name server, and its proxy's endpoint if it runs one. */
  private record Ready(String nameServer, @Nullable String proxy) {}

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

  /**
   * A controller alone ({@link EmbeddedController}) on {@code 127.0.0.1:port}, its state under
   * {@code dir}: started again on the same port and directory after a kill, it resumes its
   * predecessor's view of every broker group. {@link #nameServerAddress()} is the controller's address.
   */
  public static ChildProcessRocketMq controller(Path dir, int port) {
    return launch(dir, List.of("-Xmx128m"), List.of("--role", "controller", "--port", String.valueOf(port), "--store",
        dir.toString()));
  }

  /**
   * A name server and broker on {@code store} with RocketMQ's proxy in LOCAL mode in the same child
   * JVM ({@link #proxyEndpoint()}): what gRPC clients reach on a single-node RocketMQ 5. Needs
   * {@code rocketmq-proxy} on this JVM's class path.
   */
  public static ChildProcessRocketMq withProxy(Path store) {
    return launch(store, List.of("-Xmx512m"), List.of("--store", store.toString(), "--proxy"));
  }

  /**
   * RocketMQ's proxy alone in CLUSTER mode, in a child JVM of its own that keeps its files under
   * {@code dir}, routing through {@code nameServer} to the brokers registered there. Needs
   * {@code rocketmq-proxy} on this JVM's class path.
   */
  public static ChildProcessRocketMq proxy(Path dir, String nameServer) {
    return launch(dir, List.of("-Xmx256m"), List.of("--role", "proxy", "--namesrv", nameServer));
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
    command.addAll(List.of("-Duser.home=" + home, "-cp", serverClassPath(), EmbeddedRocketMqMain.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    Process process = null;
    java.util.Deque<String> lastLines = new java.util.concurrent.ConcurrentLinkedDeque<>();
    try {
      process = builder.start();
      Process started = process;
      CompletableFuture<Ready> ready = CompletableFuture.supplyAsync(() -> readReady(started, String.valueOf(home.getFileName()), lastLines));
      return new ChildProcessRocketMq(process, ready.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      if (process != null) {
        process.destroyForcibly();
      }
      String why = e instanceof java.util.concurrent.TimeoutException ? "not ready within 60 s" : String.valueOf(
          e.getMessage());
      throw new IllegalStateException("could not start the child-process broker " + args + ": " + why
          + "; its last output: " + String.join(" | ", lastLines), e);
    }
  }

  /**
   * This JVM's class path without the gRPC client's shaded jar, whose copy of the protocol's classes
   * would shadow the proxy's ({@link EmbeddedProxy}); a server never needs the client.
   */
  private static String serverClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("rocketmq-client-java-"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Reads the child's output until its ready line, keeping the last lines in {@code lastLines} for a
   * failure's report; from then on, passes what the child prints (its errors: RocketMQ logs at error
   * level in a child) to this JVM's standard error, each line prefixed with {@code name}.
   */
  private static Ready readReady(Process process, String name, java.util.Deque<String> lastLines) {
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      @Nullable String proxy = null;
      while ((line = out.readLine()) != null) {
        lastLines.addLast(line);
        if (lastLines.size() > 20) {
          lastLines.pollFirst();
        }
        if (line.startsWith(EmbeddedRocketMqMain.PROXY_PREFIX)) {
          proxy = line.substring(EmbeddedRocketMqMain.PROXY_PREFIX.length());
        }
        if (line.startsWith(EmbeddedRocketMqMain.READY_PREFIX)) {
          String address = line.substring(EmbeddedRocketMqMain.READY_PREFIX.length());
          Thread drain = new Thread(() -> out.lines().forEach(l -> System.err.println("[" + name + "] " + l)),
              "child-broker-output");
          drain.setDaemon(true);
          drain.start();
          return new Ready(address, proxy);
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

  /** The gRPC endpoint of the child's proxy. */
  public String proxyEndpoint() {
    if (proxyEndpoint == null) {
      throw new IllegalStateException("this child runs no proxy; start it with withProxy(...) or proxy(...)");
    }
    return proxyEndpoint;
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
