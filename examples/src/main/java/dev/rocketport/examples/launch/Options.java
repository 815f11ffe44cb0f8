package dev.rocketport.examples.launch;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the tour runs: the adapter, and for RocketMQ an existing name server (for gRPC: an existing
 * proxy's endpoints, and optionally its name server), or (null) an embedded broker.
 */
record Options(String adapter, @Nullable String nameServer, @Nullable String endpoints) {
  static final List<String> ADAPTERS = List.of("rocketmq", "rocketmq-grpc", "inmemory");

  String describeTarget() {
    return switch (adapter) {
      case "inmemory" -> "the in-memory adapter (virtual clock)";
      case "rocketmq-grpc" -> endpoints == null ? "the gRPC adapter, embedded broker and proxy"
          : "the gRPC adapter, proxy " + endpoints + (nameServer == null ? "" : ", name server " + nameServer);
      default -> nameServer == null ? "the RocketMQ adapter, embedded broker" : "the RocketMQ adapter, name server "
          + nameServer;
    };
  }

  AdapterRuntime open() {
    return switch (adapter) {
      case "inmemory" -> AdapterRuntime.inMemory();
      case "rocketmq-grpc" -> endpoints == null || nameServer == null ? AdapterRuntime.embeddedGrpc()
          : AdapterRuntime.grpc(endpoints, nameServer);
      default -> nameServer == null ? AdapterRuntime.embeddedRocketMq() : AdapterRuntime.rocketMq(nameServer);
    };
  }
}
