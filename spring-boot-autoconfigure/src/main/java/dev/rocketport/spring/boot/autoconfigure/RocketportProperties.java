package dev.rocketport.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rocketport's settings under {@code rocketport.*}: which adapter, and that adapter's configuration.
 * Unset values keep the adapter's defaults (RocketMQ's own). Bound once at startup by Spring Boot;
 * a value the adapter refuses fails startup naming the property.
 */
@ConfigurationProperties("rocketport")
public class RocketportProperties {
  /** Which adapter stands behind the ports. */
  private Adapter adapter = Adapter.ROCKETMQ;
  /** Producer group of the transactional publisher (bound when a TransactionChecker bean exists). */
  private @Nullable String transactionGroup;
  /** Topics this application creates at startup if missing (through the admin port), before listeners start. */
  private List<TopicSpec> topics = new ArrayList<>();
  private final RocketMq rocketmq = new RocketMq();
  private final InMemory inmemory = new InMemory();

  public Adapter getAdapter() {
    return adapter;
  }

  public void setAdapter(Adapter adapter) {
    this.adapter = adapter;
  }

  public @Nullable String getTransactionGroup() {
    return transactionGroup;
  }

  public void setTransactionGroup(@Nullable String transactionGroup) {
    this.transactionGroup = transactionGroup;
  }

  public List<TopicSpec> getTopics() {
    return topics;
  }

  public void setTopics(List<TopicSpec> topics) {
    this.topics = topics;
  }

  public RocketMq getRocketmq() {
    return rocketmq;
  }

  public InMemory getInmemory() {
    return inmemory;
  }

  /** The adapters Rocketport can wire. */
  public enum Adapter {
    /** RocketMQ through the remoting client ({@code rocketport-messaging-rocketmq}). */
    ROCKETMQ,
    /** The in-memory model of RocketMQ ({@code rocketport-messaging-inmemory}): tests and local runs. */
    INMEMORY
  }

  /** A topic to create at startup. */
  public static class TopicSpec {
    private @Nullable String name;
    /** How many queues the topic gets. */
    private int queues = 4;

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public int getQueues() {
      return queues;
    }

    public void setQueues(int queues) {
      this.queues = queues;
    }
  }

  /** {@code rocketport.rocketmq.*}: the RocketMQ adapter's configuration. */
  public static class RocketMq {
    /** Name server addresses, {@code host:port[;host:port…]}; required with the RocketMQ adapter. */
    private @Nullable String nameServer;
    /** Producer group of plain and ordered sends. */
    private @Nullable String producerGroup;
    /** How long one send may take. */
    private @Nullable Duration sendTimeout;
    /** Resends after a failed attempt. */
    private @Nullable Integer sendRetries;
    /** Most asynchronous sends in flight. */
    private @Nullable Integer asyncMaxInFlight;
    /** How long closing waits for in-flight sends and running handlers. */
    private @Nullable Duration closeTimeout;
    /** ACL access key (with secret-key). */
    private @Nullable String accessKey;
    /** ACL secret key. */
    private @Nullable String secretKey;
    /** Namespace prefixed to topics and groups. */
    private @Nullable String namespace;
    /** Largest message body the broker accepts, in bytes. */
    private @Nullable Integer maxMessageSize;
    /** How often clients refresh routes from the name server. */
    private @Nullable Duration pollNameServerInterval;
    /** Whether concurrent sends may share batch requests. */
    private @Nullable Boolean coalesceSends;
    /** Whether clients connect with TLS. */
    private @Nullable Boolean useTls;

    public @Nullable String getNameServer() {
      return nameServer;
    }

    public void setNameServer(@Nullable String nameServer) {
      this.nameServer = nameServer;
    }

    public @Nullable String getProducerGroup() {
      return producerGroup;
    }

    public void setProducerGroup(@Nullable String producerGroup) {
      this.producerGroup = producerGroup;
    }

    public @Nullable Duration getSendTimeout() {
      return sendTimeout;
    }

    public void setSendTimeout(@Nullable Duration sendTimeout) {
      this.sendTimeout = sendTimeout;
    }

    public @Nullable Integer getSendRetries() {
      return sendRetries;
    }

    public void setSendRetries(@Nullable Integer sendRetries) {
      this.sendRetries = sendRetries;
    }

    public @Nullable Integer getAsyncMaxInFlight() {
      return asyncMaxInFlight;
    }

    public void setAsyncMaxInFlight(@Nullable Integer asyncMaxInFlight) {
      this.asyncMaxInFlight = asyncMaxInFlight;
    }

    public @Nullable Duration getCloseTimeout() {
      return closeTimeout;
    }

    public void setCloseTimeout(@Nullable Duration closeTimeout) {
      this.closeTimeout = closeTimeout;
    }

    public @Nullable String getAccessKey() {
      return accessKey;
    }

    public void setAccessKey(@Nullable String accessKey) {
      this.accessKey = accessKey;
    }

    public @Nullable String getSecretKey() {
      return secretKey;
    }

    public void setSecretKey(@Nullable String secretKey) {
      this.secretKey = secretKey;
    }

    public @Nullable String getNamespace() {
      return namespace;
    }

    public void setNamespace(@Nullable String namespace) {
      this.namespace = namespace;
    }

    public @Nullable Integer getMaxMessageSize() {
      return maxMessageSize;
    }

    public void setMaxMessageSize(@Nullable Integer maxMessageSize) {
      this.maxMessageSize = maxMessageSize;
    }

    public @Nullable Duration getPollNameServerInterval() {
      return pollNameServerInterval;
    }

    public void setPollNameServerInterval(@Nullable Duration pollNameServerInterval) {
      this.pollNameServerInterval = pollNameServerInterval;
    }

    public @Nullable Boolean getCoalesceSends() {
      return coalesceSends;
    }

    public void setCoalesceSends(@Nullable Boolean coalesceSends) {
      this.coalesceSends = coalesceSends;
    }

    public @Nullable Boolean getUseTls() {
      return useTls;
    }

    public void setUseTls(@Nullable Boolean useTls) {
      this.useTls = useTls;
    }
  }

  /** {@code rocketport.inmemory.*}: the in-memory adapter's configuration. */
  public static class InMemory {
    /** The broker's clock: WALL runs timers in real time; VIRTUAL stands still until a test advances it. */
    private Clock clock = Clock.WALL;

    public Clock getClock() {
      return clock;
    }

    public void setClock(Clock clock) {
      this.clock = clock;
    }

    /** The in-memory broker's clocks. */
    public enum Clock {
      WALL,
      VIRTUAL
    }
  }
}
