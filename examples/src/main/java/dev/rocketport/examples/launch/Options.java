package dev.rocketport.examples.launch;

import org.jspecify.annotations.Nullable;

/** Where the tour runs: the adapter, and for RocketMQ an existing name server or (null) an embedded broker. */
record Options(String adapter, @Nullable String nameServer) {

  String describeTarget() {
    if (adapter.equals("inmemory")) {
      return "the in-memory adapter (virtual clock)";
    }
    return nameServer == null ? "the RocketMQ adapter, embedded broker" : "the RocketMQ adapter, name server "
        + nameServer;
  }

  AdapterRuntime open() {
    if (adapter.equals("inmemory")) {
      return AdapterRuntime.inMemory();
    }
    return nameServer == null ? AdapterRuntime.embeddedRocketMq() : AdapterRuntime.rocketMq(nameServer);
  }
}
