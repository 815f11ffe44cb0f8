package dev.rocketport.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.jspecify.annotations.Nullable;

/**
 * A real Apache RocketMQ name server and broker, started inside this JVM on free loopback ports,
 * with a temporary store that {@link #close()} deletes and quiet logs (nothing under the home
 * directory). The broker is a master named {@value #BROKER_NAME} (or as {@link BrokerOptions} say)
 * in cluster {@value #CLUSTER}, with automatic topic creation off (create topics explicitly) and
 * SQL92 property filtering on. A broker may also {@linkplain #join join} a name server of its own,
 * so that several masters share one, and uses TLS if this JVM's RocketMQ TLS properties enforce it.
 *
 * <p>Starting takes about a second; closing takes RocketMQ 15–20 s, so share one instance per JVM
 * ({@link RocketMqBrokerExtension} does). Thread-safe; {@link #close()} is idempotent.
 */
public final class EmbeddedRocketMq implements AutoCloseable {
  public static final String CLUSTER = BrokerOptions.CLUSTER;
  public static final String BROKER_NAME = BrokerOptions.DEFAULT_BROKER_NAME;
  private static final String REBALANCE_INTERVAL = "rocketmq.client.rebalance.waitInterval";

  private final EmbeddedSettings settings;
  private final Path storeDir;
  private final boolean keepStore;
  private final BrokerOptions options;
  private final @Nullable EmbeddedNameServer nameServer;
  private final String nameServerAddress;
  private final BrokerController broker;
  private final DefaultMQAdminExt admin;
  private boolean closed;

  private EmbeddedRocketMq(EmbeddedSettings settings, @Nullable Path store, BrokerOptions options, @Nullable String join)
      throws Exception {
    System.setProperty("rocketmq.remoting.version", String.valueOf(MQVersion.CURRENT_VERSION));
    // clients read this once, when the first one in the JVM starts (the broker's own included):
    // rebalance every second instead of every 20 s, so a new consumer or retry queue is served at once
    if (System.getProperty(REBALANCE_INTERVAL) == null) {
      System.setProperty(REBALANCE_INTERVAL, String.valueOf(settings.clientRebalanceInterval().toMillis()));
    }
    this.settings = settings;
    this.options = options;
    this.keepStore = store != null;
    this.storeDir = store != null ? Files.createDirectories(store) : Files.createTempDirectory("rocketport-embedded-");
    EmbeddedNameServer own = join == null ? EmbeddedNameServer.start(storeDir, 0) : null;
    this.nameServer = own;
    this.nameServerAddress = own != null ? own.address() : Objects.requireNonNull(join);
    this.broker = BrokerStarter.start(storeDir, nameServerAddress, settings, options);
    this.admin = AdminClients.start(nameServerAddress, options.admin(), BrokerStarter.tlsEnforced(), "embedded");
    awaitRegistration();
  }

  /**
   * Waits (up to 30 s) until the broker is registered with the name server: as the master, or, in a
   * replicated group, in the role its controller gave it.
   */
  private void awaitRegistration() {
    String name = options.brokerName();
    String address = brokerAddress();
    awaitUpTo30s("the broker's registration with the name server", () -> {
      var brokers = admin.examineBrokerClusterInfo().getBrokerAddrTable();
      return brokers.containsKey(name) && brokers.get(name).getBrokerAddrs().containsValue(address);
    });
  }

  /**
   * Checks {@code condition} every 20 ms until it holds; an admin call failing counts as "not yet".
   * Throws {@link IllegalStateException} naming {@code what} (with the last failure) after 30 s.
   */
  static void awaitUpTo30s(String what, java.util.concurrent.Callable<Boolean> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Exception last = null;
    while (System.nanoTime() - deadline < 0) {
      try {
        if (condition.call()) {
          return;
        }
      } catch (Exception notYet) {
        last = notYet;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new IllegalStateException("no " + what + " within 30 s", last);
  }

  /** Starts a name server and broker tuned by {@link EmbeddedSettings#forTests()}. */
  public static EmbeddedRocketMq start() {
    return start(EmbeddedSettings.forTests());
  }

  public static EmbeddedRocketMq start(EmbeddedSettings settings) {
    return start(settings, null);
  }

  /**
   * Starts on the store in {@code store} (created if missing, kept on close), so a broker can be
   * restarted on the messages of an earlier one — after a crash, say. {@code null} means a temporary
   * store deleted on close.
   */
  public static EmbeddedRocketMq start(EmbeddedSettings settings, @Nullable Path store) {
    return start(settings, store, BrokerOptions.defaults(), null);
  }

  /** As {@link #start(EmbeddedSettings, Path)}, with a name server of its own and these options. */
  public static EmbeddedRocketMq start(EmbeddedSettings settings, @Nullable Path store, BrokerOptions options) {
    return start(settings, store, options, null);
  }

  /**
   * A broker alone, registering with the name server at {@code nameServerAddress} (another master of
   * the same cluster, say); closing it leaves that name server running.
   */
  public static EmbeddedRocketMq join(String nameServerAddress, EmbeddedSettings settings, @Nullable Path store,
      BrokerOptions options) {
    return start(settings, store, options, nameServerAddress);
  }

  private static EmbeddedRocketMq start(EmbeddedSettings settings, @Nullable Path store, BrokerOptions options,
      @Nullable String join) {
    try {
      return new EmbeddedRocketMq(settings, store, options, join);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the embedded RocketMQ broker: " + e.getMessage(), e);
    }
  }

  public EmbeddedSettings settings() {
    return settings;
  }

  /** {@code host:port} of the name server, for {@code setNamesrvAddr}. */
  public String nameServerAddress() {
    return nameServerAddress;
  }

  public BrokerOptions options() {
    return options;
  }

  /** {@code host:port} of the broker. */
  public String brokerAddress() {
    return broker.getBrokerAddr();
  }

  /**
   * Creates {@code topic} with {@code queues} read and write queues and waits (up to 30 s) until the
   * name server routes it, so a producer can use it at once.
   */
  public void createTopic(String topic, int queues) {
    try {
      admin.createAndUpdateTopicConfig(brokerAddress(), new TopicConfig(topic, queues, queues));
    } catch (Exception e) {
      throw new IllegalStateException("could not create topic " + topic, e);
    }
    awaitUpTo30s("route for topic " + topic, () -> {
      var route = admin.examineTopicRouteInfo(topic);
      return route != null && !route.getQueueDatas().isEmpty();
    });
  }

  /** The broker itself, for a proxy in LOCAL mode that serves it directly. */
  BrokerController controller() {
    return broker;
  }

  /** Stops broker and name server (the broker takes 15–20 s) and deletes the store. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    admin.shutdown();
    broker.shutdown();
    if (nameServer != null) {
      nameServer.close();
    }
    if (!keepStore) {
      deleteRecursively(storeDir);
    }
  }

  /** Deletes a store directory and everything in it. */
  public static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new IllegalStateException("could not delete the embedded store " + dir, e);
    }
  }
}
