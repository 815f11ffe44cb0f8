package dev.rocketport.rocketmq.grpc.config;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.messaging.spi.CapabilityChecks;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How the gRPC adapter reaches RocketMQ 5: the proxy's endpoints, and optionally a name server for
 * what a proxy does not serve (the admin functions, and provisioning consumer groups as a
 * subscription needs them). Immutable; every value is checked when built, and a bad one throws
 * {@link InvalidArgumentException} naming it.
 *
 * @param endpoints the proxy, {@code host:port}, several separated by {@code ;}
 * @param nameServer the cluster's name server, if the application may reach it
 * @param namespace isolates topics and groups (empty for none)
 * @param accessKey ACL credentials, with {@code secretKey}; empty for none
 * @param tls whether to connect with TLS
 * @param requestTimeout how long one request to the proxy (a send, an acknowledgement) may take
 * @param receiveWait how long one long-polling receive waits for messages, at least
 *     {@link #MIN_RECEIVE_WAIT}
 * @param closeTimeout how long closing waits for in-flight asynchronous sends
 * @param retryLadder the delays before each redelivery of a concurrent subscription's message
 * @param maxMessageSize the largest body accepted, in bytes
 */
public record GrpcConfig(String endpoints, Option<String> nameServer, String namespace, String accessKey,
    String secretKey, boolean tls, Duration requestTimeout, Duration receiveWait, Duration closeTimeout,
    RetryLadder retryLadder, int maxMessageSize) {
  private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");
  /** The shortest long poll a proxy holds, by default: it raises shorter ones to it. */
  public static final Duration MIN_RECEIVE_WAIT = Duration.ofSeconds(5);
  /** The longest any duration here may be. */
  public static final Duration MAX_DURATION = Duration.ofHours(1);

  public GrpcConfig {
    InvalidArgumentException.requireNonNull(endpoints, "endpoints");
    for (String endpoint : endpoints.split(";")) {
      if (!ENDPOINT.matcher(endpoint.trim()).matches()) {
        throw new InvalidArgumentException("endpoints", "expected host:port[;host:port...], was '" + endpoints + "'");
      }
    }
    InvalidArgumentException.requireNonNull(nameServer, "nameServer");
    InvalidArgumentException.requireNonNull(namespace, "namespace");
    InvalidArgumentException.requireNonNull(accessKey, "accessKey");
    InvalidArgumentException.requireNonNull(secretKey, "secretKey");
    if (accessKey.isEmpty() != secretKey.isEmpty()) {
      throw new InvalidArgumentException("secretKey", "access key and secret key go together");
    }
    positive(requestTimeout, "requestTimeout");
    positive(receiveWait, "receiveWait");
    positive(closeTimeout, "closeTimeout");
    if (receiveWait.compareTo(MIN_RECEIVE_WAIT) < 0) {
      throw new InvalidArgumentException("receiveWait", "must be at least " + MIN_RECEIVE_WAIT + ", was "
          + receiveWait + ": a proxy holds a shorter long poll for that long anyway, and refuses it if the "
          + "request's deadline leaves less (grpcClientConsumerMinLongPollingTimeoutMillis)");
    }
    InvalidArgumentException.requireNonNull(retryLadder, "retryLadder");
    if (maxMessageSize < 1) {
      throw new InvalidArgumentException("maxMessageSize", "must be positive, was " + maxMessageSize);
    }
  }

  private static void positive(Duration value, String field) {
    InvalidArgumentException.requireNonNull(value, field);
    if (value.isNegative() || value.isZero() || value.compareTo(MAX_DURATION) > 0) {
      throw new InvalidArgumentException(field, "must be positive and at most " + MAX_DURATION + ", was " + value);
    }
  }

  /** A configuration for the proxy at {@code endpoints}, with RocketMQ's defaults for the rest. */
  public static Builder builder(String endpoints) {
    return new Builder(endpoints);
  }

  /** Whether the admin functions are reachable: only through a name server. */
  public boolean hasNameServer() {
    return nameServer.isDefined();
  }

  /** Builds a {@link GrpcConfig}; not thread-safe. */
  public static final class Builder {
    private final String endpoints;
    private Option<String> nameServer = Option.none();
    private String namespace = "";
    private String accessKey = "";
    private String secretKey = "";
    private boolean tls;
    private Duration requestTimeout = Duration.ofSeconds(3);
    private Duration receiveWait = Duration.ofSeconds(5);
    private Duration closeTimeout = Duration.ofSeconds(30);
    private RetryLadder retryLadder = RetryLadder.standard();
    private int maxMessageSize = CapabilityChecks.DEFAULT_MAX_MESSAGE_SIZE;

    private Builder(String endpoints) {
      this.endpoints = endpoints;
    }

    public Builder nameServer(String address) {
      this.nameServer = Option.of(InvalidArgumentException.requireNonNull(address, "nameServer"));
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder credentials(String accessKey, String secretKey) {
      this.accessKey = accessKey;
      this.secretKey = secretKey;
      return this;
    }

    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    public Builder receiveWait(Duration wait) {
      this.receiveWait = wait;
      return this;
    }

    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = timeout;
      return this;
    }

    public Builder retryLadder(RetryLadder ladder) {
      this.retryLadder = ladder;
      return this;
    }

    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = bytes;
      return this;
    }

    public GrpcConfig build() {
      return new GrpcConfig(endpoints, nameServer, namespace, accessKey, secretKey, tls, requestTimeout, receiveWait,
          closeTimeout, retryLadder, maxMessageSize);
    }
  }
}
