package dev.rocketport.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.jspecify.annotations.Nullable;

/**
 * A cluster for fault tests, every server in a child JVM of its own so each can be killed
 * ({@code kill -9}) and restarted on its own: one name server and {@code n} masters named
 * {@code broker-0…}, each flushing every message to disk before answering ({@code SYNC_FLUSH}), on
 * its own store. Every server keeps its port across restarts, as a real deployment does, so clients
 * find a restarted server at the address they knew. Started {@link #startBehindLinks behind links},
 * every broker registers as {@value #LINK_HOST}:port, where a {@link FaultyLink} of its own forwards
 * to it, and clients reach the name server through a link too ({@link #clientNameServerAddress()}),
 * so a test can fail the network between clients and servers. Started
 * {@link #startReplicated replicated}, the brokers are the members of one broker group
 * {@code broker-0} in controller mode, with a controller in a child JVM of its own: the controller
 * elects the group's master, promotes a replica when the master dies, and a message is acknowledged
 * only once every in-sync replica has it. Not thread-safe: one test or runner owns it;
 * {@link #close()} kills whatever still runs.
 */
public final class FaultCluster implements AutoCloseable {
  private static final List<String> BROKER_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");

  private final Path base;
  private final int nameServerPort;
  private final List<BrokerOptions> brokerOptions = new ArrayList<>();
  private final List<ChildProcessRocketMq> brokers = new ArrayList<>();
  private final List<Path> stores = new ArrayList<>();
  private final List<FaultyLink> links = new ArrayList<>();
  /** Where the brokers of a cluster behind links register, and their links listen. */
  public static final String LINK_HOST = "127.0.0.2";
  // both set by start(), before the cluster is handed out
  private ChildProcessRocketMq nameServer;
  private DefaultMQAdminExt admin;
  /** Where clients reach the name server, in a cluster behind links; null otherwise. */
  private @Nullable FaultyLink nameServerLink;
  /** The controller's port and process, in a replicated cluster; 0 and null otherwise. */
  private int controllerPort;
  private @Nullable ChildProcessRocketMq controller;

  /** How the brokers are laid out: masters or one replicated group, reached directly or through links. */
  private enum Layout {
    MASTERS, MASTERS_BEHIND_LINKS, REPLICATED, REPLICATED_BEHIND_LINKS;

    boolean replicated() {
      return this == REPLICATED || this == REPLICATED_BEHIND_LINKS;
    }

    boolean behindLinks() {
      return this == MASTERS_BEHIND_LINKS || this == REPLICATED_BEHIND_LINKS;
    }
  }

  @SuppressWarnings("NullAway.Init")
  private FaultCluster(Path base, int nameServerPort) {
    this.base = base;
    this.nameServerPort = nameServerPort;
  }

  /** Starts the name server and {@code masters} brokers (in parallel) under {@code base}. */
  public static FaultCluster start(Path base, int masters) {
    return start(base, masters, Layout.MASTERS);
  }

  /** As {@link #start(Path, int)}, each broker behind a {@link FaultyLink} of its own ({@link #link(int)}). */
  public static FaultCluster startBehindLinks(Path base, int masters) {
    return start(base, masters, Layout.MASTERS_BEHIND_LINKS);
  }

  /**
   * Starts the name server, a controller and one broker group {@code broker-0} of {@code replicas}
   * members (brokers {@code 0…replicas-1}, each on a store of its own), and returns once every member
   * is registered, one of them as the master ({@link #masterIndex()}).
   */
  public static FaultCluster startReplicated(Path base, int replicas) {
    return start(base, replicas, Layout.REPLICATED);
  }

  /** As {@link #startReplicated}, each member behind a link of its own; members replicate directly. */
  public static FaultCluster startReplicatedBehindLinks(Path base, int replicas) {
    return start(base, replicas, Layout.REPLICATED_BEHIND_LINKS);
  }

  private static FaultCluster start(Path base, int brokers, Layout layout) {
    @Nullable FaultyLink nameServerLink = layout.behindLinks() ? LoopbackPorts.linkFor(LINK_HOST) : null;
    FaultCluster cluster = new FaultCluster(base, nameServerLink != null ? nameServerLink.port() : LoopbackPorts.free());
    cluster.nameServerLink = nameServerLink;
    try {
      cluster.nameServer = ChildProcessRocketMq.nameServer(base.resolve("namesrv"), cluster.nameServerPort);
      if (layout.replicated()) {
        cluster.controllerPort = LoopbackPorts.free();
        cluster.restartController();
      }
      List<CompletableFuture<ChildProcessRocketMq>> starting = new ArrayList<>();
      for (int i = 0; i < brokers; i++) {
        BrokerOptions options = cluster.brokerOptions(i, layout);
        cluster.brokerOptions.add(options);
        cluster.stores.add(base.resolve(layout.replicated() ? options.brokerName() + "-" + i : options.brokerName()));
        int index = i;
        starting.add(CompletableFuture.supplyAsync(() -> cluster.startBroker(index)));
      }
      starting.forEach(s -> cluster.brokers.add(s.join()));
      cluster.admin = AdminClients.start(cluster.nameServerAddress(), java.util.Optional.empty(), false, "fault");
      return cluster;
    } catch (Exception e) {
      cluster.close();
      throw new IllegalStateException("could not start the fault cluster: " + e.getMessage(), e);
    }
  }

  private BrokerOptions brokerOptions(int index, Layout layout) {
    BrokerOptions options = BrokerOptions.defaults().withSyncFlush();
    return switch (layout) {
      case MASTERS -> options.named("broker-" + index).onPort(LoopbackPorts.forBroker());
      case MASTERS_BEHIND_LINKS -> behindLink(options.named("broker-" + index));
      case REPLICATED -> options.named("broker-0").onPort(LoopbackPorts.forBroker())
          .replicated(controllerAddress(), LoopbackPorts.free());
      case REPLICATED_BEHIND_LINKS -> behindLink(options.named("broker-0"))
          .replicated(controllerAddress(), LoopbackPorts.free());
    };
  }

  private BrokerOptions behindLink(BrokerOptions options) {
    FaultyLink link = LoopbackPorts.linkFor(LINK_HOST);
    links.add(link);
    return options.onPort(link.port()).advertising(LINK_HOST);
  }

  private ChildProcessRocketMq startBroker(int index) {
    BrokerOptions options = brokerOptions.get(index);
    return ChildProcessRocketMq.broker(stores.get(index), nameServerAddress(), options, BROKER_JVM);
  }

  /** Where brokers register, and the cluster's own admin asks; clients use {@link #clientNameServerAddress()}. */
  public String nameServerAddress() {
    return "127.0.0.1:" + nameServerPort;
  }

  /** Where clients reach the name server: through its link in a cluster behind links, else directly. */
  public String clientNameServerAddress() {
    return nameServerLink != null ? nameServerLink.address() : nameServerAddress();
  }

  /** The link between clients and the name server, in a cluster behind links. */
  public FaultyLink nameServerLink() {
    if (nameServerLink == null) {
      throw new IllegalStateException("this cluster's name server is not behind a link");
    }
    return nameServerLink;
  }

  public int size() {
    return brokers.size();
  }

  public String brokerName(int index) {
    return brokerOptions.get(index).brokerName();
  }

  /**
   * Creates {@code topic} with {@code queues} queues on the brokers named by index (all of them if
   * none are named) and waits (up to 30 s) until the name server routes it on each.
   */
  public void createTopic(String topic, int queues, int... onBrokers) {
    int[] targets = onBrokers.length > 0 ? onBrokers : java.util.stream.IntStream.range(0, size()).toArray();
    long groups = java.util.Arrays.stream(targets).mapToObj(this::brokerName).distinct().count();
    try {
      for (int index : targets) {
        admin.createAndUpdateTopicConfig("127.0.0.1:" + brokerOptions.get(index).port(),
            new TopicConfig(topic, queues, queues));
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not create topic " + topic + ": " + e.getMessage(), e);
    }
    EmbeddedRocketMq.awaitUpTo30s("route for " + topic + " on " + groups + " broker groups",
        () -> admin.examineTopicRouteInfo(topic).getQueueDatas().size() >= groups);
  }

  /** The link between clients and broker {@code index}, in a cluster {@link #startBehindLinks started behind links}. */
  public FaultyLink link(int index) {
    if (links.isEmpty()) {
      throw new IllegalStateException("this cluster's brokers are not behind links");
    }
    return links.get(index);
  }

  /**
   * Kills broker {@code index} abruptly (SIGKILL), as a crash would; behind links, its link refuses
   * connections until the restart, as the dead broker's host would.
   */
  public void killBroker(int index) {
    brokers.get(index).kill();
    if (!links.isEmpty()) {
      links.get(index).refuseConnections();
    }
  }

  /** Starts broker {@code index} again on its store and port; returns once it is registered. */
  public void restartBroker(int index) {
    if (!links.isEmpty()) {
      links.get(index).acceptConnections();
    }
    brokers.set(index, startBroker(index));
  }

  /** Kills the name server (SIGKILL); behind a link, the link refuses connections until the restart. */
  public void killNameServer() {
    nameServer.kill();
    if (nameServerLink != null) {
      nameServerLink.refuseConnections();
    }
  }

  /** Starts the name server again on its port (brokers re-register with their next heartbeat). */
  public void restartNameServer() {
    if (nameServerLink != null) {
      nameServerLink.acceptConnections();
    }
    nameServer = ChildProcessRocketMq.nameServer(base.resolve("namesrv"), nameServerPort);
  }

  /** {@code 127.0.0.1:port} of the controller, in a {@link #startReplicated replicated} cluster. */
  public String controllerAddress() {
    if (controllerPort == 0) {
      throw new IllegalStateException("this cluster is not replicated");
    }
    return "127.0.0.1:" + controllerPort;
  }

  /**
   * The index of the broker the name server routes as the group's master ({@code broker-0}), or -1
   * while none is: during an election, or before the new master has registered.
   */
  public int masterIndex() {
    try {
      var group = admin.examineBrokerClusterInfo().getBrokerAddrTable().get(brokerName(0));
      String master = group == null ? null : group.getBrokerAddrs().get(0L);
      for (int i = 0; master != null && i < size(); i++) {
        if (master.endsWith(":" + brokerOptions.get(i).port())) {
          return i;
        }
      }
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * How many members of the group the controller counts in sync with its master (a message is
   * acknowledged once all of those have it); 0 while it cannot tell (the controller is down, say).
   */
  public int inSyncReplicas() {
    try {
      var info = admin.getInSyncStateData(controllerAddress(), List.of(brokerName(0)))
          .getReplicasInfoTable().get(brokerName(0));
      return info == null ? 0 : info.getInSyncReplicas().size();
    } catch (Exception e) {
      return 0;
    }
  }

  /** Kills the controller abruptly (SIGKILL). */
  public void killController() {
    if (controller != null) {
      controller.kill();
    }
  }

  /** Starts the controller again on its port and state; brokers find it with their next heartbeat. */
  public void restartController() {
    controllerAddress(); // only a replicated cluster has one
    controller = ChildProcessRocketMq.controller(base.resolve("controller"), controllerPort);
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.shutdown();
    }
    brokers.forEach(ChildProcessRocketMq::kill);
    links.forEach(FaultyLink::close);
    if (nameServerLink != null) {
      nameServerLink.close();
    }
    if (nameServer != null) {
      nameServer.kill();
    }
    killController();
  }
}
