package dev.rocketport.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * A real Apache RocketMQ name server and broker, started inside this JVM on free loopback ports,
 * with a temporary store that {@link #close()} deletes and quiet logs (nothing under the home
 * directory). The broker is a single master named {@value #BROKER_NAME} in cluster
 * {@value #CLUSTER}, with automatic topic creation off (create topics explicitly) and SQL92 property
 * filtering on.
 *
 * <p>Starting takes about a second; closing takes RocketMQ 15–20 s, so share one instance per JVM
 * ({@link RocketMqBrokerExtension} does). Thread-safe; {@link #close()} is idempotent.
 */
public final class EmbeddedRocketMq implements AutoCloseable {
  public static final String CLUSTER = "DefaultCluster";
  public static final String BROKER_NAME = "rocketport-embedded";
  private static final String REBALANCE_INTERVAL = "rocketmq.client.rebalance.waitInterval";

  private final EmbeddedSettings settings;
  private final Path storeDir;
  private final boolean keepStore;
  private final org.apache.rocketmq.namesrv.NamesrvController nameServer;
  private final BrokerController broker;
  private final DefaultMQAdminExt admin;
  private boolean closed;

  private EmbeddedRocketMq(EmbeddedSettings settings, Path store) throws Exception {
    System.setProperty("rocketmq.remoting.version", String.valueOf(MQVersion.CURRENT_VERSION));
    // clients read this once, when the first one in the JVM starts (the broker's own included):
    // rebalance every second instead of every 20 s, so a new consumer or retry queue is served at once
    if (System.getProperty(REBALANCE_INTERVAL) == null) {
      System.setProperty(REBALANCE_INTERVAL, String.valueOf(settings.clientRebalanceInterval().toMillis()));
    }
    this.settings = settings;
    this.keepStore = store != null;
    this.storeDir = store != null ? Files.createDirectories(store) : Files.createTempDirectory("rocketport-embedded-");
    this.nameServer = startNameServer(storeDir);
    String nameServerAddress = "127.0.0.1:" + nameServer.getNettyServerConfig().getListenPort();
    this.broker = startBroker(storeDir, nameServerAddress, settings);
    this.admin = new DefaultMQAdminExt(5_000);
    admin.setNamesrvAddr(nameServerAddress);
    admin.setInstanceName("rocketport-embedded-admin-" + UUID.randomUUID());
    admin.setVipChannelEnabled(false);
    admin.start();
    awaitRegistration();
  }

  /** Waits (up to 30 s) until the broker is registered with the name server as a master. */
  private void awaitRegistration() {
    awaitUpTo30s("the broker's registration with the name server", () -> {
      var brokers = admin.examineBrokerClusterInfo().getBrokerAddrTable();
      return brokers.containsKey(BROKER_NAME) && brokers.get(BROKER_NAME).getBrokerAddrs().containsKey(0L);
    });
  }

  /**
   * Checks {@code condition} every 20 ms until it holds; an admin call failing counts as "not yet".
   * Throws {@link IllegalStateException} naming {@code what} (with the last failure) after 30 s.
   */
  private static void awaitUpTo30s(String what, java.util.concurrent.Callable<Boolean> condition) {
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
  public static EmbeddedRocketMq start(EmbeddedSettings settings, Path store) {
    try {
      return new EmbeddedRocketMq(settings, store);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the embedded RocketMQ broker: " + e.getMessage(), e);
    }
  }

  private static org.apache.rocketmq.namesrv.NamesrvController startNameServer(Path dir) throws Exception {
    NamesrvConfig config = new NamesrvConfig();
    config.setKvConfigPath(dir.resolve("namesrv/kvConfig.json").toString());
    config.setConfigStorePath(dir.resolve("namesrv/namesrv.properties").toString());
    NettyServerConfig netty = new NettyServerConfig();
    netty.setListenPort(0);
    netty.setBindAddress("127.0.0.1");
    var controller = new org.apache.rocketmq.namesrv.NamesrvController(config, netty, new NettyClientConfig());
    if (!controller.initialize()) {
      throw new IllegalStateException("name server failed to initialize");
    }
    controller.start();
    netty.setListenPort(controller.getRemotingServer().localListenPort());
    return controller;
  }

  private static BrokerController startBroker(Path dir, String nameServer, EmbeddedSettings settings)
      throws Exception {
    BrokerConfig config = new BrokerConfig();
    config.setBrokerName(BROKER_NAME);
    config.setBrokerClusterName(CLUSTER);
    config.setBrokerIP1("127.0.0.1");
    config.setNamesrvAddr(nameServer);
    config.setAutoCreateTopicEnable(false);
    config.setEnablePropertyFilter(true);
    config.setTransactionTimeOut(settings.transactionTimeout().toMillis());
    config.setTransactionCheckInterval(settings.transactionCheckInterval().toMillis());
    config.setTransactionCheckMax(settings.transactionCheckMax());
    config.setTransactionOpBatchInterval(100);
    MessageStoreConfig store = new MessageStoreConfig();
    store.setStorePathRootDir(dir.resolve("store").toString());
    store.setStorePathCommitLog(dir.resolve("store/commitlog").toString());
    store.setMappedFileSizeCommitLog(128 * 1024 * 1024);
    store.setMappedFileSizeConsumeQueue(30_000 * 20);
    store.setMaxIndexNum(200_000);
    store.setMaxHashSlotNum(50_000);
    store.setMessageDelayLevel(settings.messageDelayLevel());
    store.setHaListenPort(0);
    store.setEnableRocksDBLog(false);
    NettyServerConfig netty = new NettyServerConfig();
    netty.setListenPort(0);
    netty.setBindAddress("127.0.0.1");
    BrokerController controller = new BrokerController(config, netty, new NettyClientConfig(), store);
    // RocksDB's info log goes to ${user.home}/logs/rocketmqlogs, with no setting to move it; point the
    // home at the temporary store while the broker opens its databases, so nothing lands in the real home.
    String home = System.getProperty("user.home");
    System.setProperty("user.home", dir.toString());
    try {
      if (!controller.initialize()) {
        throw new IllegalStateException("broker failed to initialize");
      }
      controller.start();
    } finally {
      System.setProperty("user.home", home);
    }
    return controller;
  }

  public EmbeddedSettings settings() {
    return settings;
  }

  /** {@code host:port} of the name server, for {@code setNamesrvAddr}. */
  public String nameServerAddress() {
    return "127.0.0.1:" + nameServer.getNettyServerConfig().getListenPort();
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

  /** Stops broker and name server (the broker takes 15–20 s) and deletes the store. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    admin.shutdown();
    broker.shutdown();
    nameServer.shutdown();
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
