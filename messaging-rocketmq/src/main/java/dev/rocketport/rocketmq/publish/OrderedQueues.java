package dev.rocketport.rocketmq.publish;

import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.spi.WireRules;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Picks the queue of a sharding key so that a key keeps its queue while a broker is down. The
 * client offers only the queues of live brokers; hashing over those would move keys to other queues
 * (and break their order) whenever a master dies or returns. So the key is hashed over every queue
 * this publisher has seen for the topic, in a stable order (broker, then queue number), and if that
 * queue's broker is not among the live ones the send fails with {@link QueueUnavailable}, before
 * anything is written. Thread-safe.
 */
public final class OrderedQueues {
  private final Map<String, List<MessageQueue>> seen = new ConcurrentHashMap<>();

  /** The queue of {@code key} among {@code live}, the queues the client can send to now. */
  MessageQueue select(List<MessageQueue> live, ShardingKey key) {
    String topic = live.get(0).getTopic();
    List<MessageQueue> all = seen.compute(topic, (t, known) -> {
      if (known != null && known.containsAll(live)) {
        return known;
      }
      TreeSet<MessageQueue> union = new TreeSet<>(live);
      if (known != null) {
        union.addAll(known);
      }
      return List.copyOf(union);
    });
    MessageQueue queue = all.get(WireRules.queueFor(key, all.size()));
    if (!live.contains(queue)) {
      throw new QueueUnavailable("the queue of sharding key '" + key.value() + "' (" + queue.getBrokerName() + "/"
          + queue.getQueueId() + ") is on a broker that is down; not sent elsewhere, which would break the key's order");
    }
    return queue;
  }

  /** The key's queue is on a broker that is down; nothing was sent. */
  static final class QueueUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QueueUnavailable(String message) {
      super(message, null, false, false);
    }
  }
}
