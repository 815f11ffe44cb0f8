package dev.rocketport.embedded;

import java.nio.file.Path;
import org.apache.rocketmq.auth.config.AuthConfig;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.remoting.common.TlsMode;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.netty.TlsSystemConfig;
import org.apache.rocketmq.store.config.BrokerRole;
import org.apache.rocketmq.store.config.FlushDiskType;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/** Configures and starts one broker controller from settings and options. Stateless. */
final class BrokerStarter {
  private BrokerStarter() {}

  /** True if this JVM's RocketMQ TLS properties ({@code tls.server.mode=enforcing}) refuse plain connections. */
  static boolean tlsEnforced() {
    return TlsSystemConfig.tlsMode == TlsMode.ENFORCING;
  }

  static BrokerController start(Path dir, String nameServer, EmbeddedSettings settings, BrokerOptions options)
      throws Exception {
    BrokerConfig config = new BrokerConfig();
    config.setBrokerName(options.brokerName());
    config.setBrokerClusterName(BrokerOptions.CLUSTER);
    config.setBrokerIP1(options.advertisedHost());
    config.setNamesrvAddr(nameServer);
    config.setAutoCreateTopicEnable(false);
    config.setEnablePropertyFilter(true);
    // topics that take every kind of message, as Rocketport's topics do, also for gRPC clients (which check)
    config.setEnableMixedMessageType(true);
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
    if (options.syncFlush()) {
      store.setFlushDiskType(FlushDiskType.SYNC_FLUSH);
    }
    options.replication().ifPresent(replication -> replicate(config, store, replication));
    NettyServerConfig netty = new NettyServerConfig();
    netty.setListenPort(options.port());
    netty.setBindAddress(BrokerOptions.LISTEN_HOST);
    NettyClientConfig client = new NettyClientConfig();
    // the broker is a client of the name server, which enforces TLS when this JVM does
    client.setUseTLS(tlsEnforced());
    BrokerController controller = new BrokerController(config, netty, client, store, authConfig(dir, options));
    // RocksDB's info log goes to ${user.home}/logs/rocketmqlogs, with no setting to move it; point the
    // home at the store while the broker opens its databases, so nothing lands in the real home.
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

  /**
   * Controller mode as RocketMQ's quick start sets it up: the broker starts as a replica with no id
   * and the controller assigns both; every in-sync replica must have a message before it is
   * acknowledged; replicas reach the master's HA port on loopback.
   */
  private static void replicate(BrokerConfig config, MessageStoreConfig store, BrokerOptions.Replication replication) {
    config.setEnableControllerMode(true);
    config.setControllerAddr(replication.controllerAddress());
    config.setBrokerId(-1);
    config.setBrokerIP2(BrokerOptions.LISTEN_HOST);
    store.setBrokerRole(BrokerRole.SLAVE);
    store.setAllAckInSyncStateSet(true);
    store.setHaListenPort(replication.haPort());
  }

  /** ACL 2.0 with RocketMQ's default providers, users and grants kept in the store. */
  private static AuthConfig authConfig(Path dir, BrokerOptions options) {
    AuthConfig auth = new AuthConfig();
    auth.setConfigName(options.brokerName());
    auth.setClusterName(BrokerOptions.CLUSTER);
    auth.setAuthConfigPath(dir.resolve("auth").toString());
    options.admin().ifPresent(admin -> {
      auth.setAuthenticationEnabled(true);
      auth.setAuthorizationEnabled(true);
      auth.setAuthenticationProvider("org.apache.rocketmq.auth.authentication.provider.DefaultAuthenticationProvider");
      auth.setAuthorizationProvider("org.apache.rocketmq.auth.authorization.provider.DefaultAuthorizationProvider");
      auth.setAuthenticationMetadataProvider(
          "org.apache.rocketmq.auth.authentication.provider.LocalAuthenticationMetadataProvider");
      auth.setAuthorizationMetadataProvider(
          "org.apache.rocketmq.auth.authorization.provider.LocalAuthorizationMetadataProvider");
      auth.setInitAuthenticationUser(
          "{\"username\":\"" + admin.user() + "\",\"password\":\"" + admin.password() + "\"}");
      auth.setInnerClientAuthenticationCredentials(
          "{\"accessKey\":\"" + admin.user() + "\",\"secretKey\":\"" + admin.password() + "\"}");
    });
    return auth;
  }
}
