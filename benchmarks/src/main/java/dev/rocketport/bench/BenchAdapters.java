package dev.rocketport.bench;

import dev.rocketport.embedded.ChildProcessRocketMq;
import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.inmemory.broker.InMemoryConfig;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.rocketmq.grpc.config.GrpcConfig;
import dev.rocketport.rocketmq.grpc.GrpcMessaging;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The ways the bench does each scenario, opened once for the whole run: a RocketMQ broker in its own
 * JVM (only if a broker-backed way was chosen) with the raw client and the Rocketport adapter (on its
 * defaults, and with send coalescing off) on it; if asked for, RocketMQ's proxy in a JVM of its own with the raw gRPC client
 * and the gRPC adapter on it (measured as a pair of their own); and the in-memory adapter. {@link #close()} closes every client, then stops
 * the broker and deletes its store. Used by the bench's main thread only.
 */
final class BenchAdapters implements AutoCloseable {
  /**
   * The broker JVM's options. ZGC: with G1 the broker paused 3–30 ms every second or two under load,
   * and those pauses, not the clients, made most of every p99.
   */
  static final List<String> BROKER_JVM = List.of("-Xms2g", "-Xmx2g", "-XX:+UseZGC", "-XX:+AlwaysPreTouch");
  /**
   * Messages the in-memory broker keeps per queue in the bench (its default is 100 000): consumers keep
   * up, and a smaller live set keeps the young-generation pauses of the bench JVM short.
   */
  static final int IN_MEMORY_RETENTION = 5_000;
  /** The Rocketport adapter with send coalescing turned off, to show what its default gains. */
  static final String UNCOALESCED = "rocketport-uncoalesced";
  static final String IN_MEMORY = "inmemory";
  static final String OBSERVED = "rocketport+observed";
  static final String RAW_GRPC = "raw-grpc";
  static final String ROCKETPORT_GRPC = "rocketport-grpc";

  private final @Nullable Path store;
  private final @Nullable ChildProcessRocketMq broker;
  private @Nullable ChildProcessRocketMq proxy;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final Map<String, Workloads> all = new LinkedHashMap<>();
  /** The Rocketport runtimes among the ways (the outbox scenario relays through them). */
  private final Map<String, Messaging> runtimes = new LinkedHashMap<>();

  private BenchAdapters(@Nullable Path store, @Nullable ChildProcessRocketMq broker) {
    this.store = store;
    this.broker = broker;
  }

  static BenchAdapters open(BenchOptions options, PrintStream out) throws Exception {
    if (!options.needsBroker()) {
      return withAdapters(new BenchAdapters(null, null), options);
    }
    Path store = Files.createTempDirectory("rocketport-bench-");
    out.println("starting a RocketMQ broker in its own JVM…");
    ChildProcessRocketMq broker;
    try {
      broker = ChildProcessRocketMq.start(store, BROKER_JVM);
    } catch (RuntimeException e) {
      EmbeddedRocketMq.deleteRecursively(store);
      throw e;
    }
    return withAdapters(new BenchAdapters(store, broker), options);
  }

  private static BenchAdapters withAdapters(BenchAdapters adapters, BenchOptions options) throws Exception {
    try {
      for (String adapter : options.adapters()) {
        adapters.add(adapter, options.payload());
      }
      return adapters;
    } catch (Exception e) {
      adapters.close();
      throw e;
    }
  }

  private void add(String adapter, int payload) throws Exception {
    if (broker == null && !adapter.equals(IN_MEMORY)) {
      throw new IllegalStateException("the " + adapter + " adapter needs a broker, which these options did not start");
    }
    switch (adapter) {
      case "raw" -> all.put("raw", own(new RawWorkloads(nameServer(), payload)));
      case "rocketport" -> all.put("rocketport", new PortWorkloads(runtime("rocketport", RocketMqMessaging.start(
          RocketMqConfig.builder(nameServer()).build())), payload));
      case "observed" -> all.put(OBSERVED, new PortWorkloads(own(RocketMqMessaging.start(
          RocketMqConfig.builder(nameServer()).producerGroup("rocketport-observed").build(),
          own(new Observability()).interceptors())), payload));
      case "uncoalesced" -> all.put(UNCOALESCED, new PortWorkloads(own(RocketMqMessaging.start(
          RocketMqConfig.builder(nameServer()).producerGroup("rocketport-uncoalesced")
              .coalesceSends(false).build())), payload));
      case RAW_GRPC -> all.put(RAW_GRPC, own(new RawGrpcWorkloads(proxy(), nameServer(), payload)));
      case ROCKETPORT_GRPC -> all.put(ROCKETPORT_GRPC, new PortWorkloads(runtime(ROCKETPORT_GRPC, GrpcMessaging.start(
          GrpcConfig.builder(proxy()).nameServer(nameServer()).build())), payload));
      case IN_MEMORY -> all.put(IN_MEMORY, new PortWorkloads(runtime(IN_MEMORY, InMemoryMessaging.wallClock(
          InMemoryConfig.builder().journalCapacity(0).maxMessagesPerQueue(IN_MEMORY_RETENTION).build())), payload));
      default -> throw new IllegalArgumentException("unknown adapter " + adapter);
    }
  }

  /** The proxy of the gRPC ways: RocketMQ's proxy in CLUSTER mode, in a JVM of its own, started on first use. */
  private String proxy() {
    if (proxy == null) {
      try {
        proxy = ChildProcessRocketMq.proxy(Files.createDirectories(Objects.requireNonNull(store, "no broker store")
            .resolve("proxy")), nameServer());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return proxy.proxyEndpoint();
  }

  private String nameServer() {
    return Objects.requireNonNull(broker, "no broker").nameServerAddress();
  }

  private Messaging runtime(String name, Messaging messaging) {
    runtimes.put(name, own(messaging));
    return messaging;
  }

  /** The Rocketport runtimes opened (the plain RocketMQ adapter and the in-memory one), by way name. */
  Map<String, Messaging> runtimes() {
    return runtimes;
  }

  private <T extends AutoCloseable> T own(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  /** Every way opened, by its name in the report. */
  Map<String, Workloads> all() {
    return all;
  }

  /**
   * The groups measured together for {@code scenario}: the broker-backed ways (interleaved on one
   * rate ladder; coalescing only where it applies), then the in-memory adapter on its own.
   */
  List<Map<String, Workloads>> groupsFor(Scenario scenario) {
    Map<String, Workloads> brokerBacked = new LinkedHashMap<>();
    Map<String, Workloads> grpc = new LinkedHashMap<>();
    all.forEach((name, workloads) -> {
      if (name.equals(RAW_GRPC) || name.equals(ROCKETPORT_GRPC)) {
        if (scenario != Scenario.BATCH) { // the gRPC protocol has no batch send
          grpc.put(name, workloads);
        }
      } else if (!name.equals(IN_MEMORY) && (!name.equals(UNCOALESCED) || scenario.coalescable())) {
        brokerBacked.put(name, workloads);
      }
    });
    List<Map<String, Workloads>> groups = new ArrayList<>();
    if (!brokerBacked.isEmpty()) {
      groups.add(brokerBacked);
    }
    if (!grpc.isEmpty()) {
      groups.add(grpc);
    }
    if (all.containsKey(IN_MEMORY)) {
      groups.add(Map.of(IN_MEMORY, all.get(IN_MEMORY)));
    }
    return groups;
  }

  @Override
  public void close() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    if (proxy != null) {
      proxy.kill();
    }
    if (broker != null && store != null) {
      broker.kill();
      EmbeddedRocketMq.deleteRecursively(store);
    }
  }
}
