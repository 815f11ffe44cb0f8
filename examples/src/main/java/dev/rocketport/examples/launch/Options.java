package dev.rocketport.examples.launch;

import dev.rocketport.examples.scenarios.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The tour's parsed command line; {@link #parse} names what was wrong in an IllegalArgumentException. */
record Options(String adapter, @Nullable String nameServer, List<String> scenarios, boolean help) {

  static Options parse(List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("tour")) {
      if (!args.isEmpty() && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
        return new Options("rocketmq", null, Scenarios.names(), true);
      }
      throw new IllegalArgumentException(args.isEmpty() ? "missing command (expected: tour)"
          : "unknown command '" + args.get(0) + "' (expected: tour)");
    }
    String adapter = "rocketmq";
    @Nullable String nameServer = null;
    List<String> scenarios = new ArrayList<>();
    boolean help = false;
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--adapter" -> adapter = value(args, ++i, arg);
        case "--namesrv" -> nameServer = value(args, ++i, arg);
        case "--scenario" -> scenarios.add(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    if (!adapter.equals("rocketmq") && !adapter.equals("inmemory")) {
      throw new IllegalArgumentException("unknown adapter '" + adapter + "' (valid: rocketmq, inmemory)");
    }
    if (nameServer != null && adapter.equals("inmemory")) {
      throw new IllegalArgumentException("--namesrv needs --adapter rocketmq");
    }
    for (String s : scenarios) {
      if (Scenarios.named(s).isEmpty()) {
        throw new IllegalArgumentException("unknown scenario '" + s + "' (valid: " + String.join(", ",
            Scenarios.names()) + ")");
      }
    }
    return new Options(adapter, nameServer, scenarios.isEmpty() ? Scenarios.names() : List.copyOf(scenarios), help);
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }

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
