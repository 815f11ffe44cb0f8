package dev.rocketport.rocketmq.client;

import dev.rocketport.rocketmq.config.RocketMqConfig;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.jspecify.annotations.Nullable;

/**
 * Creates RocketMQ clients configured alike from a {@link RocketMqConfig}: name server, ACL hook,
 * TLS, route polling, and a unique instance name per client (so several clients of one group can live in
 * one JVM). Also maps topic and group names into the configured namespace. Stateless apart from a
 * counter; thread-safe.
 */
public final class Clients {
  /** How often acknowledged consumer offsets are sent to the broker (by the subscriber's housekeeping). */
  public static final Duration OFFSET_PERSIST_INTERVAL = Duration.ofSeconds(1);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final RocketMqConfig config;
  private final String runtimeId = UUID.randomUUID().toString().substring(0, 8);

  public Clients(RocketMqConfig config) {
    this.config = config;
  }

  public RocketMqConfig config() {
    return config;
  }

  /** The physical name of a topic or group: {@code namespace%name}, or {@code name} without a namespace. */
  public String physical(String name) {
    return config.namespace().isEmpty() ? name : config.namespace() + "%" + name;
  }

  /** The logical name of a physical topic or group name. */
  public String logical(String physical) {
    String prefix = config.namespace() + "%";
    return !config.namespace().isEmpty() && physical.startsWith(prefix) ? physical.substring(prefix.length())
        : physical;
  }

  private @Nullable RPCHook rpcHook() {
    return config.accessKey().isEmpty() ? null
        : new AclClientRPCHook(new SessionCredentials(config.accessKey(), config.secretKey()));
  }

  private <T extends ClientConfig> T configure(T client, String role) {
    client.setNamesrvAddr(config.nameServer());
    client.setInstanceName("rocketport-" + role + "-" + runtimeId + "-" + INSTANCES.incrementAndGet());
    client.setVipChannelEnabled(false);
    client.setPollNameServerInterval((int) config.pollNameServerInterval().toMillis());
    client.setUseTLS(config.useTls());
    return client;
  }

  public DefaultMQProducer producer() {
    DefaultMQProducer producer = configure(new DefaultMQProducer(physical(config.producerGroup()), rpcHook()),
        "producer");
    producer.setSendMsgTimeout((int) config.sendTimeout().toMillis());
    // one attempt per call: Resends decides on resends, knowing what each attempt did
    producer.setRetryTimesWhenSendFailed(0);
    producer.setRetryTimesWhenSendAsyncFailed(0);
    producer.setMaxMessageSize(config.maxMessageSize());
    return producer;
  }

  public TransactionMQProducer transactionProducer(String group) {
    TransactionMQProducer producer = configure(new TransactionMQProducer(physical(group), rpcHook()), "tx");
    producer.setSendMsgTimeout((int) config.sendTimeout().toMillis());
    producer.setRetryTimesWhenSendFailed(0);
    producer.setMaxMessageSize(config.maxMessageSize());
    return producer;
  }

  public DefaultMQPushConsumer pushConsumer(String group) {
    DefaultMQPushConsumer consumer = configure(new DefaultMQPushConsumer(physical(group), rpcHook()), "consumer");
    // offsets are persisted every OFFSET_PERSIST_INTERVAL by RocketMqSubscription.keepUp, from the start;
    // the client's own task (from 10 s on, every 5 s by default) stays as a backstop, not a second 1 s stream

    // a refused pull ("subscription not latest", broker restarting) is tried again after this, not 3 s
    consumer.setPullTimeDelayMillsWhenException(1_000);
    consumer.setAllocateMessageQueueStrategy(new DistinctMembers());
    return consumer;
  }

  @SuppressWarnings("deprecation")
  public DefaultMQPullConsumer pullConsumer(String group) {
    return configure(new DefaultMQPullConsumer(physical(group), rpcHook()), "pull");
  }

  public DefaultMQAdminExt admin() {
    DefaultMQAdminExt admin = configure(new DefaultMQAdminExt(rpcHook(), config.sendTimeout().toMillis()), "admin");
    admin.setAdminExtGroup(physical("rocketport-admin-" + runtimeId));
    return admin;
  }
}
