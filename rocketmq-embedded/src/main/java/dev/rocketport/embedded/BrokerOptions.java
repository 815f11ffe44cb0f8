package dev.rocketport.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one embedded broker is set up beyond its timings ({@link EmbeddedSettings}): its name (several
 * masters on one name server need different names), whether it flushes each message to disk before
 * answering ({@code SYNC_FLUSH}, so an acknowledged message survives {@code kill -9}), and whether
 * ACL 2.0 authentication and authorization are on, with {@code admin} as the super user the broker
 * creates at start. Immutable.
 *
 * @param brokerName the broker's name in its cluster
 * @param syncFlush {@code SYNC_FLUSH} instead of RocketMQ's default {@code ASYNC_FLUSH}
 * @param admin the ACL 2.0 super user, or empty for no access control
 * @param port the broker's port, 0 for any free one; a fixed port lets a restarted broker take over
 *     its predecessor's address, as a real one does (its fast port, {@code port - 2}, must be free too)
 * @param advertisedHost the loopback address the broker registers with the name server, where clients
 *     look for it; it always listens on {@code 127.0.0.1}, so another address (say {@code 127.0.0.2},
 *     with a {@link FaultyLink} listening there on the broker's port) puts something between clients and
 *     the broker
 * @param replication controller mode, for a member of a replicated broker group, or empty for a
 *     master alone
 */
public record BrokerOptions(String brokerName, boolean syncFlush, Optional<Credentials> admin, int port,
    String advertisedHost, Optional<Replication> replication) {
  /** The cluster every embedded broker belongs to. */
  public static final String CLUSTER = "DefaultCluster";
  /** The name of a broker whose options do not say otherwise. */
  public static final String DEFAULT_BROKER_NAME = "rocketport-embedded";

  /** A user name and password (an access key and secret key, to a client). */
  public record Credentials(String user, String password) {
    public Credentials {
      if (user == null || !user.matches("[A-Za-z0-9_-]{1,64}") || password == null
          || !password.matches("[A-Za-z0-9_.!@#-]{1,64}")) {
        throw new IllegalArgumentException("credentials: a user of [A-Za-z0-9_-] and a password of "
            + "[A-Za-z0-9_.!@#-] are required");
      }
    }

    static Credentials parse(String userColonPassword) {
      int colon = userColonPassword.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("credentials: expected user:password");
      }
      return new Credentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
    }
  }

  /**
   * A member of a replicated broker group (the members share a broker name): in controller mode,
   * registered with the controller at {@code controllerAddress}, which elects the group's master;
   * a message is acknowledged only once every replica in the group's in-sync set has it
   * ({@code allAckInSyncStateSet}). Replicas copy the master's log through its HA port.
   *
   * @param controllerAddress {@code host:port} of the controller ({@link EmbeddedController})
   * @param haPort the port this member serves replication on while it is the master
   */
  public record Replication(String controllerAddress, int haPort) {
    public Replication {
      if (controllerAddress == null || !controllerAddress.matches("[^:\\s]+:\\d{1,5}")) {
        throw new IllegalArgumentException("controllerAddress: host:port, was " + controllerAddress);
      }
      if (haPort < 1 || haPort > 65_535) {
        throw new IllegalArgumentException("haPort: 1–65535, was " + haPort);
      }
    }
  }

  public BrokerOptions {
    if (brokerName == null || !brokerName.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("brokerName: 1–64 of [A-Za-z0-9_-], was " + brokerName);
    }
    if (admin == null) {
      throw new IllegalArgumentException("admin: use Optional.empty() for no access control");
    }
    if (port != 0 && (port < 3 || port > 65_535)) {
      throw new IllegalArgumentException("port: 0 or 3–65535, was " + port);
    }
    if (advertisedHost == null || !advertisedHost.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
      throw new IllegalArgumentException("advertisedHost: a loopback address 127.x.y.z, was " + advertisedHost);
    }
    if (replication == null) {
      throw new IllegalArgumentException("replication: use Optional.empty() for a master alone");
    }
    if (!advertisedHost.equals(LISTEN_HOST) && port == 0) {
      throw new IllegalArgumentException("advertisedHost: needs a fixed port, where the link listens too");
    }
  }

  /** Where every embedded broker listens. */
  public static final String LISTEN_HOST = "127.0.0.1";

  /** One master named {@value #DEFAULT_BROKER_NAME}, asynchronous flush, no access control, any port. */
  public static BrokerOptions defaults() {
    return new BrokerOptions(DEFAULT_BROKER_NAME, false, Optional.empty(), 0, LISTEN_HOST, Optional.empty());
  }

  public BrokerOptions named(String name) {
    return new BrokerOptions(name, syncFlush, admin, port, advertisedHost, replication);
  }

  public BrokerOptions withSyncFlush() {
    return new BrokerOptions(brokerName, true, admin, port, advertisedHost, replication);
  }

  /** ACL 2.0 on, with {@code admin} as the super user. */
  public BrokerOptions withAccessControl(Credentials superUser) {
    return new BrokerOptions(brokerName, syncFlush, Optional.of(superUser), port, advertisedHost, replication);
  }

  public BrokerOptions onPort(int port) {
    return new BrokerOptions(brokerName, syncFlush, admin, port, advertisedHost, replication);
  }

  /** Registers the broker as {@code host}:port (see {@link #advertisedHost()}). */
  public BrokerOptions advertising(String host) {
    return new BrokerOptions(brokerName, syncFlush, admin, port, host, replication);
  }

  /** A member of a replicated group (see {@link Replication}). */
  public BrokerOptions replicated(String controllerAddress, int haPort) {
    return new BrokerOptions(brokerName, syncFlush, admin, port, advertisedHost,
        Optional.of(new Replication(controllerAddress, haPort)));
  }

  /** These options as the embedded main program's command-line arguments. */
  List<String> toArguments() {
    List<String> args = new ArrayList<>(List.of("--broker-name", brokerName));
    if (syncFlush) {
      args.add("--sync-flush");
    }
    admin.ifPresent(a -> args.addAll(List.of("--acl-admin", a.user() + ":" + a.password())));
    if (port != 0) {
      args.addAll(List.of("--broker-port", String.valueOf(port)));
    }
    if (!advertisedHost.equals(LISTEN_HOST)) {
      args.addAll(List.of("--advertise", advertisedHost));
    }
    replication.ifPresent(r -> args.addAll(List.of("--controller", r.controllerAddress(), "--ha-port",
        String.valueOf(r.haPort()))));
    return args;
  }

  /** The options among {@code args} (as {@link #toArguments()} wrote them), defaults for the rest. */
  static BrokerOptions fromArguments(List<String> args) {
    BrokerOptions options = defaults();
    int name = args.indexOf("--broker-name");
    if (name >= 0) {
      options = options.named(args.get(name + 1));
    }
    if (args.contains("--sync-flush")) {
      options = options.withSyncFlush();
    }
    int port = args.indexOf("--broker-port");
    if (port >= 0) {
      options = options.onPort(Integer.parseInt(args.get(port + 1)));
    }
    int advertise = args.indexOf("--advertise");
    if (advertise >= 0) {
      options = options.advertising(args.get(advertise + 1));
    }
    int controller = args.indexOf("--controller");
    int haPort = args.indexOf("--ha-port");
    if (controller >= 0 && haPort >= 0) {
      options = options.replicated(args.get(controller + 1), Integer.parseInt(args.get(haPort + 1)));
    }
    int acl = args.indexOf("--acl-admin");
    if (acl >= 0) {
      options = options.withAccessControl(Credentials.parse(args.get(acl + 1)));
    }
    return options;
  }
}
