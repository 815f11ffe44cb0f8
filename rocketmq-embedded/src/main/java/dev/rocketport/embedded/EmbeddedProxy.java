package dev.rocketport.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.common.utils.StartAndShutdown;
import org.apache.rocketmq.proxy.config.Configuration;
import org.apache.rocketmq.proxy.config.ConfigurationManager;
import org.apache.rocketmq.proxy.grpc.GrpcServerBuilder;
import org.apache.rocketmq.proxy.grpc.v2.GrpcMessagingApplication;
import org.apache.rocketmq.proxy.metrics.ProxyMetricsManager;
import org.apache.rocketmq.proxy.processor.DefaultMessagingProcessor;
import org.apache.rocketmq.proxy.service.cert.TlsCertificateManager;
import org.jspecify.annotations.Nullable;

/**
 * RocketMQ 5's proxy — the gRPC endpoint that {@code rocketmq-client-java} speaks to — inside this
 * JVM, on a free loopback port: in LOCAL mode serving an {@link EmbeddedRocketMq}'s broker directly,
 * or in CLUSTER mode routing through a name server to the brokers registered there. The proxy keeps
 * its configuration in JVM-wide static state ({@code ConfigurationManager}), so one JVM runs one
 * proxy at a time: a second is refused until the first is closed.
 *
 * <p>It cannot share a class loader with the gRPC client: {@code rocketmq-client-java}'s shaded jar
 * carries its own copy of the protocol's classes ({@code apache.rocketmq.v2}), built against its
 * shaded gRPC, under the same names as the proxy's. Tests and tools that hold the client therefore
 * run the proxy in a child JVM ({@link ChildProcessRocketMq#withProxy}, {@link ChildProcessRocketMq#proxy}).
 * {@code rocketmq-proxy} is an optional dependency of this module: add it to use a proxy. Plain-text
 * connections are accepted (TLS only if this JVM's RocketMQ TLS properties enforce it). Thread-safe;
 * {@link #close()} is idempotent and leaves the brokers running.
 */
public final class EmbeddedProxy implements AutoCloseable {
  private static @Nullable EmbeddedProxy running;

  private final int port;
  private final Path configDir;
  private final List<StartAndShutdown> parts = new ArrayList<>();
  private final ThreadPoolExecutor executor;
  private boolean closed;

  /** @param local the broker a LOCAL-mode proxy serves; null for CLUSTER mode */
  private EmbeddedProxy(String nameServer, @Nullable EmbeddedRocketMq local) throws Exception {
    this.port = freePort();
    this.configDir = Files.createTempDirectory("rocketport-proxy-");
    Path config = configDir.resolve("rmq-proxy.json");
    Files.writeString(config, "{\"proxyMode\":\"" + (local != null ? "local" : "cluster") + "\",\"grpcServerPort\":"
        + port + ",\"remotingListenPort\":" + freePort() + ",\"rocketMQClusterName\":\"" + EmbeddedRocketMq.CLUSTER
        + "\",\"namesrvAddr\":\"" + nameServer + "\"}", StandardCharsets.UTF_8);
    System.setProperty(Configuration.CONFIG_PATH_PROPERTY, config.toString());
    ConfigurationManager.initEnv();
    ConfigurationManager.initConfig();
    int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
    this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(10_000),
        r -> {
          Thread t = new Thread(r, "rocketport-proxy-grpc");
          t.setDaemon(true);
          return t;
        });
    DefaultMessagingProcessor processor;
    if (local != null) {
      ProxyMetricsManager.initLocalMode(local.controller().getBrokerMetricsManager(),
          ConfigurationManager.getProxyConfig());
      processor = DefaultMessagingProcessor.createForLocalMode(local.controller());
    } else {
      parts.add(ProxyMetricsManager.initClusterMode(ConfigurationManager.getProxyConfig()));
      processor = DefaultMessagingProcessor.createForClusterMode();
    }
    GrpcMessagingApplication application = GrpcMessagingApplication.create(processor);
    TlsCertificateManager certificates = new TlsCertificateManager();
    parts.add(processor);
    parts.add(application);
    parts.add(certificates);
    parts.add(GrpcServerBuilder.newBuilder(executor, port, certificates).addService(application)
        .configInterceptor().shutdownTime(1, TimeUnit.SECONDS).build());
    for (StartAndShutdown part : parts) {
      part.start();
    }
  }

  /**
   * Starts a proxy in LOCAL mode for {@code broker}.
   *
   * @throws IllegalStateException if this JVM runs a proxy already, or it cannot start
   */
  public static EmbeddedProxy local(EmbeddedRocketMq broker) {
    return start(broker.nameServerAddress(), broker);
  }

  /**
   * Starts a proxy in CLUSTER mode, reaching the brokers registered with {@code nameServer}.
   *
   * @throws IllegalStateException if this JVM runs a proxy already, or it cannot start
   */
  public static EmbeddedProxy cluster(String nameServer) {
    return start(nameServer, null);
  }

  private static synchronized EmbeddedProxy start(String nameServer, @Nullable EmbeddedRocketMq local) {
    if (running != null) {
      throw new IllegalStateException("this JVM runs a proxy already (its configuration is JVM-wide); close it first");
    }
    try {
      running = new EmbeddedProxy(nameServer, local);
      return running;
    } catch (Exception e) {
      throw new IllegalStateException("the embedded RocketMQ proxy did not start", e);
    }
  }

  /** Where gRPC clients connect: {@code 127.0.0.1:port}. */
  public String endpoint() {
    return "127.0.0.1:" + port;
  }

  /** Stops the gRPC endpoint and the proxy's services (the broker keeps running). */
  @Override
  public void close() {
    synchronized (EmbeddedProxy.class) {
      if (closed) {
        return;
      }
      closed = true;
      running = null;
    }
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).shutdown();
      } catch (Exception e) {
        throw new IllegalStateException("the embedded RocketMQ proxy did not stop cleanly", e);
      }
    }
    executor.shutdownNow();
    EmbeddedRocketMq.deleteRecursively(configDir);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
