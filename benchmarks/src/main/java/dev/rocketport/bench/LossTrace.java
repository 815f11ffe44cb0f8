package dev.rocketport.bench;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.protocol.admin.OffsetWrapper;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Where the copies of a soak's lost messages are, for whoever looks into a loss: each message's key
 * looked up in RocketMQ's index in the soak's topic, the group's retry and dead-letter topics and the
 * broker's delay schedule, each copy with its queue, offset, store time and redelivery count, and the
 * group's committed offset on that queue. Stateless: each call starts and shuts down an admin client.
 */
final class LossTrace {
  private LossTrace() {}

  /** One line per lost message ({@code sequences}), as the broker at {@code nameServer} has it now. */
  static List<String> of(String nameServer, Topic topic, ConsumerGroup group, List<Integer> sequences) {
    DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
    admin.setNamesrvAddr(nameServer);
    admin.setInstanceName("rocketport-loss-trace-" + UUID.randomUUID());
    List<String> lines = new ArrayList<>();
    try {
      admin.start();
      Map<MessageQueue, OffsetWrapper> committed = committed(admin, group);
      List<String> topics = List.of(topic.name(), MixAll.getRetryTopic(group.name()), MixAll.getDLQTopic(group.name()),
          TopicValidator.RMQ_SYS_SCHEDULE_TOPIC);
      for (int seq : sequences) {
        StringBuilder line = new StringBuilder("lost " + seq + " (" + SoakHandling.kind(seq) + "):");
        for (String in : topics) {
          line.append(' ').append(copies(admin, in, SoakHandling.key(seq), committed));
        }
        lines.add(line.toString());
      }
    } catch (Exception e) {
      lines.add("the lost messages could not be traced: " + e);
    } finally {
      admin.shutdown();
    }
    return lines;
  }

  private static Map<MessageQueue, OffsetWrapper> committed(DefaultMQAdminExt admin, ConsumerGroup group) {
    try {
      return admin.examineConsumeStats(group.name()).getOffsetTable();
    } catch (Exception e) {
      return Map.of();
    }
  }

  private static String copies(DefaultMQAdminExt admin, String topic, String key,
      Map<MessageQueue, OffsetWrapper> committed) {
    try {
      List<MessageExt> found = admin.queryMessage(topic, key, 32, 0, Long.MAX_VALUE).getMessageList();
      StringBuilder copies = new StringBuilder(topic + " [");
      for (MessageExt m : found) {
        OffsetWrapper offsets = committed.get(new MessageQueue(m.getTopic(), m.getBrokerName(), m.getQueueId()));
        copies.append(String.format(" q%d@%d stored %s reconsumed %d%s", m.getQueueId(), m.getQueueOffset(),
            Instant.ofEpochMilli(m.getStoreTimestamp()), m.getReconsumeTimes(),
            offsets == null ? "" : " (group at " + offsets.getConsumerOffset() + ")"));
      }
      return copies.append(" ]").toString();
    } catch (Exception e) {
      return topic + " [not searched: " + e.getMessage() + "]";
    }
  }
}
