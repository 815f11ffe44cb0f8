package dev.rocketport.rocketmq.config;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.messaging.spi.CapabilityChecks;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Settings of the RocketMQ adapter. Immutable; every field is checked at construction, and by the
 * builder's setter that takes it, and a bad one throws {@link InvalidArgumentException} naming it,
 * so bad configuration fails at startup. Timeouts
 * and intervals are at most {@link #MAX_DURATION}.
 *
 * @param nameServer name server addresses, {@code host:port[;host:port…]}, ports 1–65535
 * @param producerGroup group of the plain and ordered publisher (the rules of {@link ProducerGroup})
 * @param transactionGroup default group of transactional publishers (the Guice module's)
 * @param sendTimeout how long a send may take, all its attempts together (and how long an async send
 *     waits for room in the window)
 * @param sendRetries resends of a send whose broker or connection failed (RocketMQ's
 *     {@code retryTimesWhenSendFailed}); flow-control refusals are resent apart from these, for as
 *     long as the send timeout allows
 * @param asyncMaxInFlight the most asynchronous sends in flight; the window adapts below it to what
 *     the broker admits, and further senders wait
 * @param closeTimeout how long {@code close()} waits for in-flight asynchronous sends
 * @param accessKey ACL access key, empty for none (then {@code secretKey} must be empty too)
 * @param secretKey ACL secret key
 * @param namespace prefix isolating this application's topics and groups ({@code ns%topic}), empty for none
 * @param retryLadder the broker's retry ladder (from its {@code messageDelayLevel}); it only informs
 *     {@link dev.rocketport.messaging.Capabilities} and rounds {@code retryAfter} delays up to a level
 * @param maxMessageSize the broker's {@code maxMessageSize}
 * @param pollNameServerInterval how often clients refresh routes
 * @param coalesceSends adaptive batching, on by default: while two sends are on the wire, further
 *     concurrent plain sends (undelayed, bodies up to 32 KiB) go together as RocketMQ batches, and
 *     concurrent ordered sends as one batch per queue, in the order they were made; each caller
 *     still gets its own receipt or its batch's failure. A lone send always goes out at once, alone
 * @param useTls connect to name servers and brokers over TLS (RocketMQ's {@code tls.client.*} system
 *     properties decide whether the server's certificate is checked); off by default
 */
public record RocketMqConfig(String nameServer, String producerGroup, String transactionGroup, Duration sendTimeout,
    int sendRetries, int asyncMaxInFlight, Duration closeTimeout, String accessKey, String secretKey, String namespace,
    RetryLadder retryLadder, int maxMessageSize, Duration pollNameServerInterval, boolean coalesceSends,
    boolean useTls) {

  private static final Pattern ADDRESS = Pattern.compile("^[^:;\\s]+:\\d{1,5}(;[^:;\\s]+:\\d{1,5})*$");
  /** The longest timeout or interval accepted: a day. */
  public static final Duration MAX_DURATION = Duration.ofDays(1);

  public RocketMqConfig {
    nameServers(nameServer);
    group(producerGroup, "producerGroup");
    group(transactionGroup, "transactionGroup");
    bounded(sendTimeout, "sendTimeout");
    bounded(closeTimeout, "closeTimeout");
    bounded(pollNameServerInterval, "pollNameServerInterval");
    sendRetries(sendRetries);
    positive(asyncMaxInFlight, "asyncMaxInFlight");
    credentials(accessKey, secretKey);
    namespace(namespace);
    require(retryLadder, "retryLadder");
    positive(maxMessageSize, "maxMessageSize");
  }

  public static Builder builder(String nameServer) {
    return new Builder(nameServer);
  }

  /** From properties named {@code rocketport.rocketmq.<field>} (e.g. {@code rocketport.rocketmq.nameServer}). */
  public static RocketMqConfig fromProperties(Properties properties) {
    require(properties, "properties");
    return from(key -> properties.getProperty("rocketport.rocketmq." + key));
  }

  /** From environment variables named {@code ROCKETPORT_ROCKETMQ_<FIELD>} (e.g. {@code ROCKETPORT_ROCKETMQ_NAME_SERVER}). */
  public static RocketMqConfig fromEnvironment(Map<String, String> env) {
    require(env, "env");
    return from(key -> env.get("ROCKETPORT_ROCKETMQ_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase()));
  }

  private static RocketMqConfig from(Function<String, String> source) {
    String nameServer = source.apply("nameServer");
    if (nameServer == null) {
      throw new InvalidArgumentException("nameServer", "is required");
    }
    Builder b = builder(nameServer);
    apply(source, "producerGroup", b::producerGroup);
    apply(source, "transactionGroup", b::transactionGroup);
    apply(source, "sendTimeoutMs", v -> b.sendTimeout(Duration.ofMillis(number(v, "sendTimeoutMs"))));
    apply(source, "sendRetries", v -> b.sendRetries(intNumber(v, "sendRetries")));
    apply(source, "asyncMaxInFlight", v -> b.asyncMaxInFlight(intNumber(v, "asyncMaxInFlight")));
    apply(source, "closeTimeoutMs", v -> b.closeTimeout(Duration.ofMillis(number(v, "closeTimeoutMs"))));
    apply(source, "accessKey", v -> b.credentials(v, source.apply("secretKey") == null ? "" : source.apply("secretKey")));
    apply(source, "namespace", b::namespace);
    apply(source, "maxMessageSize", v -> b.maxMessageSize(intNumber(v, "maxMessageSize")));
    apply(source, "coalesceSends", v -> b.coalesceSends(flag(v, "coalesceSends")));
    apply(source, "useTls", v -> b.useTls(flag(v, "useTls")));
    return b.build();
  }

  private static void apply(Function<String, String> source, String key, java.util.function.Consumer<String> setter) {
    String value = source.apply(key);
    if (value != null) {
      setter.accept(value.trim());
    }
  }

  private static long number(String value, String field) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException(field, "'" + value + "' is not a whole number");
    }
  }

  /** A whole number that fits an int: a larger one is refused, not wrapped around. */
  private static int intNumber(String value, String field) {
    long number = number(value, field);
    if (number != (int) number) {
      throw new InvalidArgumentException(field, "'" + value + "' is out of range");
    }
    return (int) number;
  }

  private static boolean flag(String value, String field) {
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new InvalidArgumentException(field, "'" + value + "' is not true or false");
    }
    return Boolean.parseBoolean(value);
  }

  private static <T> T require(T value, String field) {
    return InvalidArgumentException.requireNonNull(value, field);
  }

  private static String nameServers(String nameServer) {
    require(nameServer, "nameServer");
    if (!ADDRESS.matcher(nameServer).matches()) {
      throw new InvalidArgumentException("nameServer", "'" + nameServer + "' is not host:port[;host:port…]");
    }
    for (String address : nameServer.split(";")) {
      int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
      if (port < 1 || port > 65_535) {
        throw new InvalidArgumentException("nameServer", "port " + port + " of '" + address + "' is not 1–65535");
      }
    }
    return nameServer;
  }

  /** A producer group name, by the rules of {@link ProducerGroup}. */
  private static String group(String value, String field) {
    try {
      return ProducerGroup.of(value).name();
    } catch (InvalidArgumentException e) {
      throw new InvalidArgumentException(field, e.problem());
    }
  }

  /** Positive and at most {@link #MAX_DURATION} (the client keeps some of these as int milliseconds). */
  private static Duration bounded(Duration value, String field) {
    require(value, field);
    if (value.isNegative() || value.isZero() || value.compareTo(MAX_DURATION) > 0) {
      throw new InvalidArgumentException(field, "must be positive and at most " + MAX_DURATION + ", was " + value);
    }
    return value;
  }

  private static int positive(int value, String field) {
    if (value < 1) {
      throw new InvalidArgumentException(field, "must be positive, was " + value);
    }
    return value;
  }

  private static int sendRetries(int retries) {
    if (retries < 0 || retries > 16) {
      throw new InvalidArgumentException("sendRetries", "must be 0–16, was " + retries);
    }
    return retries;
  }

  private static void credentials(String accessKey, String secretKey) {
    require(accessKey, "accessKey");
    require(secretKey, "secretKey");
    if (accessKey.isEmpty() != secretKey.isEmpty()) {
      throw new InvalidArgumentException(accessKey.isEmpty() ? "accessKey" : "secretKey",
          "accessKey and secretKey must be given together");
    }
  }

  private static String namespace(String namespace) {
    require(namespace, "namespace");
    if (!namespace.isEmpty() && !namespace.matches("^[a-zA-Z0-9_-]{1,64}$")) {
      throw new InvalidArgumentException("namespace", "'" + namespace + "' must be 1–64 of [a-zA-Z0-9_-]");
    }
    return namespace;
  }

  /** Builder with RocketMQ's client defaults; single-threaded. */
  public static final class Builder {
    private final String nameServer;
    private String producerGroup = "rocketport-producer";
    private String transactionGroup = "rocketport-transactions";
    private Duration sendTimeout = Duration.ofSeconds(3);
    private int sendRetries = 2;
    private int asyncMaxInFlight = 10_000;
    private Duration closeTimeout = Duration.ofSeconds(30);
    private String accessKey = "";
    private String secretKey = "";
    private String namespace = "";
    private RetryLadder retryLadder = RetryLadder.standard();
    private int maxMessageSize = CapabilityChecks.DEFAULT_MAX_MESSAGE_SIZE;
    private Duration pollNameServerInterval = Duration.ofSeconds(30);
    private boolean coalesceSends = true;
    private boolean useTls;

    private Builder(String nameServer) {
      this.nameServer = nameServers(nameServer);
    }

    public Builder producerGroup(String group) {
      this.producerGroup = group(group, "producerGroup");
      return this;
    }

    public Builder transactionGroup(String group) {
      this.transactionGroup = group(group, "transactionGroup");
      return this;
    }

    public Builder sendTimeout(Duration timeout) {
      this.sendTimeout = bounded(timeout, "sendTimeout");
      return this;
    }

    public Builder sendRetries(int retries) {
      this.sendRetries = RocketMqConfig.sendRetries(retries);
      return this;
    }

    public Builder asyncMaxInFlight(int bound) {
      this.asyncMaxInFlight = positive(bound, "asyncMaxInFlight");
      return this;
    }

    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = bounded(timeout, "closeTimeout");
      return this;
    }

    public Builder credentials(String accessKey, String secretKey) {
      RocketMqConfig.credentials(accessKey, secretKey);
      this.accessKey = accessKey;
      this.secretKey = secretKey;
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = RocketMqConfig.namespace(namespace);
      return this;
    }

    public Builder retryLadder(RetryLadder ladder) {
      this.retryLadder = require(ladder, "retryLadder");
      return this;
    }

    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = positive(bytes, "maxMessageSize");
      return this;
    }

    public Builder pollNameServerInterval(Duration interval) {
      this.pollNameServerInterval = bounded(interval, "pollNameServerInterval");
      return this;
    }

    public Builder coalesceSends(boolean coalesce) {
      this.coalesceSends = coalesce;
      return this;
    }

    public Builder useTls(boolean tls) {
      this.useTls = tls;
      return this;
    }

    public RocketMqConfig build() {
      return new RocketMqConfig(nameServer, producerGroup, transactionGroup, sendTimeout, sendRetries,
          asyncMaxInFlight, closeTimeout, accessKey, secretKey, namespace, retryLadder, maxMessageSize,
          pollNameServerInterval, coalesceSends, useTls);
    }
  }
}
