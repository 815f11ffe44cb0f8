package dev.rocketport.rocketmq.grpc.client;

import dev.rocketport.messaging.InvalidArgumentException;
import org.jspecify.annotations.Nullable;
import dev.rocketport.messaging.StartPosition;
import dev.rocketport.rocketmq.client.Clients;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Sets consumer groups up as a subscription needs them, through the name server: a proxy serves only
 * groups its brokers know, and reads a group's ordering and its retry limit from the broker's group
 * configuration. For each group, on every master broker: the subscription group (FIFO for an orderly
 * subscription, with the spec's retry limit) and its dead-letter topic, readable and writable, where
 * this adapter parks rejected messages; and where a new group starts reading ({@link #startAt}).
 * Thread-safe; {@link #close()} shuts the admin client down.
 */
public final class GroupProvisioning implements AutoCloseable {
  private final Clients clients;
  private final DefaultMQAdminExt admin;

  public GroupProvisioning(RocketMqConfig config) throws Exception {
    this.clients = new Clients(config);
    this.admin = clients.admin();
    admin.start();
  }

  /**
   * Creates or updates {@code group} (logical name), its retry topic (which the admin functions read)
   * and its dead-letter topic on every master broker; returns whether the group is new.
   */
  public boolean provision(String group, boolean orderly, int maxRetries) throws Exception {
    String physical = clients.physical(group);
    boolean created = false;
    for (BrokerData broker : admin.examineBrokerClusterInfo().getBrokerAddrTable().values()) {
      String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
      if (master == null) {
        continue;
      }
      SubscriptionGroupConfig existing = existing(master, physical);
      created |= existing == null;
      // an existing group keeps what its operators set; only what the subscription needs changes
      SubscriptionGroupConfig config = existing != null ? existing : new SubscriptionGroupConfig();
      config.setGroupName(physical);
      config.setConsumeMessageOrderly(orderly);
      config.setRetryMaxTimes(maxRetries);
      admin.createAndUpdateSubscriptionGroupConfig(master, config);
      admin.createAndUpdateTopicConfig(master, new TopicConfig(MixAll.getDLQTopic(physical), 1, 1,
          PermName.PERM_READ | PermName.PERM_WRITE));
      admin.createAndUpdateTopicConfig(master, new TopicConfig(MixAll.getRetryTopic(physical), 1, 1,
          PermName.PERM_READ | PermName.PERM_WRITE));
    }
    return created;
  }

  private @Nullable SubscriptionGroupConfig existing(String master, String physicalGroup) {
    try {
      return admin.examineSubscriptionGroupConfig(master, physicalGroup);
    } catch (Exception e) {
      return null; // the broker answers "not found" with an error
    }
  }

  /** Throws {@link InvalidArgumentException} on {@code topic} if the name server knows no route to it. */
  public void requireTopic(String topic) {
    try {
      admin.examineTopicRouteInfo(clients.physical(topic));
    } catch (Exception e) {
      throw new InvalidArgumentException("topic", "topic '" + topic + "' does not exist: " + e.getMessage());
    }
  }

  /**
   * Starts new {@code group} on {@code topic} (logical names) where {@code start} says; the broker
   * would start it wherever its pop mode begins. Each queue's offset is set on the broker that holds it.
   */
  public void startAt(String group, String topic, StartPosition start) throws Exception {
    String physicalGroup = clients.physical(group);
    String physicalTopic = clients.physical(topic);
    TopicRouteData route = admin.examineTopicRouteInfo(physicalTopic);
    for (QueueData queues : route.getQueueDatas()) {
      String address = route.getBrokerDatas().stream().filter(b -> b.getBrokerName().equals(queues.getBrokerName()))
          .map(b -> b.getBrokerAddrs().get(MixAll.MASTER_ID)).filter(java.util.Objects::nonNull).findFirst()
          .orElseThrow(() -> new IllegalStateException("no master broker holds the queues of " + topic));
      for (int id = 0; id < queues.getReadQueueNums(); id++) {
        MessageQueue queue = new MessageQueue(physicalTopic, queues.getBrokerName(), id);
        long offset = start instanceof StartPosition.At at ? admin.searchOffset(queue, at.instant().toEpochMilli())
            : start instanceof StartPosition.Earliest ? admin.minOffset(queue) : admin.maxOffset(queue);
        admin.updateConsumeOffset(address, physicalGroup, queue, offset);
      }
    }
  }

  /** The dead-letter topic of {@code group}, as the client names it (the namespace is the client's to add). */
  public static String deadLetterTopic(String group) {
    return MixAll.getDLQTopic(group);
  }

  @Override
  public void close() {
    admin.shutdown();
  }
}
