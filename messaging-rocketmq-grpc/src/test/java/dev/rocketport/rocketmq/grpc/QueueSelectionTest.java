package dev.rocketport.rocketmq.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.hash.Hashing;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.spi.WireRules;
import org.junit.jupiter.api.Test;

/**
 * Rocketport picks a sharding key's queue as RocketMQ's proxy picks a message group's (Guava's
 * consistent hash of the key's hash code, here the proxy's own Guava), so one key keeps one queue
 * whichever protocol sent it.
 */
class QueueSelectionTest {

  @Test
  void aKeysQueueIsTheOneTheProxyPicks() {
    for (int queues = 1; queues <= 16; queues++) {
      for (int i = 0; i < 2_000; i++) {
        String key = "customer-" + i;
        assertEquals(Hashing.consistentHash(key.hashCode(), queues), WireRules.queueFor(ShardingKey.of(key), queues),
            key + " among " + queues);
      }
    }
  }
}
