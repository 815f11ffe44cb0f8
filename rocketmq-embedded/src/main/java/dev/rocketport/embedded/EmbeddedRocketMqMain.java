package dev.rocketport.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs an embedded name server, broker or both as a program: prints
 * {@code ROCKETPORT_NAMESRV=host:port} (the name server's address) once ready, then serves until its
 * standard input closes (or it is killed). Options: {@code --role all|namesrv|broker|proxy|controller}
 * (default {@code all}; a {@code controller}, {@link EmbeddedController}, prints its own address on
 * the ready line); {@code --proxy} adds a LOCAL-mode proxy to {@code all}, and the {@code proxy} role is a
 * CLUSTER-mode proxy alone (either prints {@code ROCKETPORT_PROXY=host:port}, its gRPC endpoint,
 * before the ready line); {@code --port N} the name server's port (default any free one); {@code --namesrv
 * host:port} the name server a {@code broker} or {@code proxy} joins; {@code --store DIR} keeps the store in {@code DIR}
 * (so a restarted broker finds the messages of a killed one); {@code --defaults} keeps RocketMQ's own
 * timings instead of the test tuning; and the {@link BrokerOptions} ({@code --broker-name},
 * {@code --sync-flush}, {@code --acl-admin user:password}, {@code --broker-port N}, {@code --advertise host},
 * {@code --controller host:port --ha-port N} for a member of a replicated group). TLS follows RocketMQ's {@code tls.*}
 * system properties. Started in child JVMs by fault tests and demos.
 */
public final class EmbeddedRocketMqMain {
  static final String READY_PREFIX = "ROCKETPORT_NAMESRV=";
  /** Printed before the ready line when the child runs a proxy: its gRPC endpoint. */
  static final String PROXY_PREFIX = "ROCKETPORT_PROXY=";
  private EmbeddedRocketMqMain() {}

  public static void main(String[] args) throws Exception {
    List<String> options = List.of(args);
    String role = value(options, "--role", "all");
    @Nullable String store = optional(options, "--store");
    @Nullable Path storeDir = store == null ? null : Path.of(store);
    EmbeddedSettings settings = options.contains("--defaults") ? EmbeddedSettings.rocketMqDefaults()
        : EmbeddedSettings.forTests();
    AutoCloseable server;
    @Nullable EmbeddedProxy proxy = null;
    String nameServer;
    switch (role) {
      case "namesrv" -> {
        EmbeddedNameServer started = EmbeddedNameServer.start(required(storeDir, "--store"),
            Integer.parseInt(value(options, "--port", "0")));
        server = started;
        nameServer = started.address();
      }
      case "controller" -> {
        EmbeddedController started = EmbeddedController.start(required(storeDir, "--store"),
            Integer.parseInt(required(optional(options, "--port"), "--port")));
        server = started;
        nameServer = started.address();
      }
      case "broker" -> {
        nameServer = required(optional(options, "--namesrv"), "--namesrv");
        server = EmbeddedRocketMq.join(nameServer, settings, storeDir, BrokerOptions.fromArguments(options));
      }
      case "all" -> {
        EmbeddedRocketMq started = EmbeddedRocketMq.start(settings, storeDir, BrokerOptions.fromArguments(options));
        server = started;
        nameServer = started.nameServerAddress();
        if (options.contains("--proxy")) {
          EmbeddedProxy local = EmbeddedProxy.local(started);
          proxy = local;
          server = () -> {
            local.close();
            started.close();
          };
        }
      }
      case "proxy" -> {
        nameServer = required(optional(options, "--namesrv"), "--namesrv");
        proxy = EmbeddedProxy.cluster(nameServer);
        server = proxy;
      }
      default -> throw new IllegalArgumentException("--role: all, namesrv, broker, proxy or controller, was " + role);
    }
    try (AutoCloseable serving = server) {
      if (proxy != null) {
        System.out.println(PROXY_PREFIX + proxy.endpoint());
      }
      System.out.println(READY_PREFIX + nameServer);
      System.out.flush();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        while (in.readLine() != null) {
          // serve until the parent closes our input
        }
      }
    }
    System.exit(0); // the servers are closed; their clients' pools (the proxy's) must not keep the JVM up
  }

  private static <T> T required(@Nullable T value, String option) {
    if (value == null) {
      throw new IllegalArgumentException(option + " is required for this role");
    }
    return value;
  }

  private static String value(List<String> options, String name, String otherwise) {
    String given = optional(options, name);
    return given == null ? otherwise : given;
  }

  private static @Nullable String optional(List<String> options, String name) {
    int at = options.indexOf(name);
    return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : null;
  }
}
