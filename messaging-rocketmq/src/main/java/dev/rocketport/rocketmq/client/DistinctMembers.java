package dev.rocketport.rocketmq.client;

import java.util.LinkedHashSet;
import java.util.List;
import org.apache.rocketmq.client.consumer.AllocateMessageQueueStrategy;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * RocketMQ's default allocation (queues shared out evenly, in order) over the group's
 * <em>distinct</em> members. A broker lists a member once per connection it holds from it; after a
 * network fault it can hold the member's stale connection beside its new one until it expires the
 * stale one (two minutes without a heartbeat), and the default strategy then counts the member twice
 * and leaves part of the queues to no one — their messages wait unconsumed. Stateless; thread-safe.
 */
final class DistinctMembers implements AllocateMessageQueueStrategy {
  private final AllocateMessageQueueAveragely averagely = new AllocateMessageQueueAveragely();

  @Override
  public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
      List<String> cidAll) {
    // the client sorts the members before asking; a set keeps that order
    return averagely.allocate(consumerGroup, currentCID, mqAll, List.copyOf(new LinkedHashSet<>(cidAll)));
  }

  @Override
  public String getName() {
    return "AVG_DISTINCT";
  }
}
