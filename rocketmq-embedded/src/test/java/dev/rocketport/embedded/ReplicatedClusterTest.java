package dev.rocketport.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;

/**
 * A replicated broker group with a controller, on RocketMQ's own failover timings: both members in
 * sync, the master killed and the replica promoted, the old master rejoining as a replica, a message
 * acknowledged by the first master readable from the second, and a consumer group's offset committed
 * to the first master held by the second (the replica copies it).
 */
class ReplicatedClusterTest {

  @Test
  void theControllerPromotesTheReplicaWhenTheMasterDiesAndTheOldMasterRejoins() throws Exception {
    Path base = Files.createTempDirectory("rocketport-replicated-test-");
    try (FaultCluster cluster = FaultCluster.startReplicated(base, 2)) {
      await("both members in sync", () -> cluster.inSyncReplicas() == 2, Duration.ofSeconds(60));
      int first = cluster.masterIndex();
      assertTrue(first >= 0, "a master is routed");
      String topic = "replicated-" + UUID.randomUUID().toString().substring(0, 8);
      cluster.createTopic(topic, 2);
      DefaultMQProducer producer = producer(cluster);
      // one admin client for the offset reads the waits repeat, and for a failure's report
      DefaultMQAdminExt admin = AdminClients.start(cluster.nameServerAddress(), Optional.empty(), false, "test");
      try {
        var before = producer.send(new Message(topic, "before".getBytes(StandardCharsets.UTF_8)));
        assertEquals(SendStatus.SEND_OK, before.getSendStatus());
        MessageQueue queue = before.getMessageQueue();
        long consumedUpTo = before.getQueueOffset() + 1;
        String group = "replicated-group-" + topic;
        consume(cluster, topic, group);
        await("the replica holding the group's offset", () -> committed(admin, cluster, false, group, queue) == consumedUpTo,
            Duration.ofSeconds(60));

        long killed = System.nanoTime();
        cluster.killBroker(first);
        int second = 1 - first;
        await("the replica promoted", () -> cluster.masterIndex() == second, Duration.ofSeconds(90));
        System.out.printf("replica promoted and routed %d ms after the master died%n",
            Duration.ofNanos(System.nanoTime() - killed).toMillis());
        // a client started now asks the name server afresh (a long-lived raw producer polling routes
        // every second was seen to keep the dead master's address for over 90 s on a loaded machine)
        DefaultMQProducer fresh = producer(cluster);
        try {
          await("a send acknowledged by the new master", () -> sends(fresh, topic), Duration.ofSeconds(90),
              () -> "the last send's failure: " + lastFailure + "; " + describeMaster(admin, cluster, topic));
          assertTrue(fresh.maxOffset(queue) > before.getQueueOffset(),
              "the new master has the message the old one acknowledged");
          assertEquals(consumedUpTo, committed(admin, cluster, true, group, queue),
              "the new master resumes the group where the old one had it");
        } finally {
          fresh.shutdown();
        }

        cluster.restartBroker(first);
        await("the old master back in sync", () -> cluster.inSyncReplicas() == 2, Duration.ofSeconds(90));
        assertEquals(second, cluster.masterIndex(), "the old master rejoined as a replica");
      } finally {
        admin.shutdown();
        producer.shutdown();
      }
    } finally {
      EmbeddedRocketMq.deleteRecursively(base);
    }
  }

  private volatile String lastFailure = "none";

  private static DefaultMQProducer producer(FaultCluster cluster) throws Exception {
    DefaultMQProducer producer = new DefaultMQProducer("replicated-test");
    producer.setNamesrvAddr(cluster.nameServerAddress());
    producer.setInstanceName("replicated-test-" + UUID.randomUUID());
    producer.setPollNameServerInterval(1_000);
    producer.start();
    return producer;
  }

  /** Consumes {@code topic} as {@code group} from its first message until the group's offsets are committed, then stops. */
  private static void consume(FaultCluster cluster, String topic, String group) throws Exception {
    AtomicInteger consumed = new AtomicInteger();
    DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
    consumer.setNamesrvAddr(cluster.nameServerAddress());
    consumer.setInstanceName(group + "-" + UUID.randomUUID());
    consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    consumer.subscribe(topic, "*");
    consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
      consumed.addAndGet(messages.size());
      return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    });
    consumer.start();
    try {
      await("the message consumed", () -> consumed.get() >= 1, Duration.ofSeconds(60));
    } finally {
      consumer.shutdown(); // commits the offsets to the master
    }
  }

  /** The offset of {@code group} on {@code queue} as the group's master (or its replica) has it, -1 if it has none. */
  private static long committed(DefaultMQAdminExt admin, FaultCluster cluster, boolean master, String group,
      MessageQueue queue) {
    try {
      var members = admin.examineBrokerClusterInfo().getBrokerAddrTable().get(cluster.brokerName(0)).getBrokerAddrs();
      String address = members.entrySet().stream().filter(m -> (m.getKey() == 0L) == master).findFirst()
          .orElseThrow().getValue();
      QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
      header.setConsumerGroup(group);
      header.setTopic(queue.getTopic());
      header.setQueueId(queue.getQueueId());
      header.setSetZeroIfNotFound(false);
      return admin.getDefaultMQAdminExtImpl().getMqClientInstance().getMQClientAPIImpl()
          .queryConsumerOffset(address, header, 3_000);
    } catch (Exception noneYet) {
      return -1;
    }
  }

  private boolean sends(DefaultMQProducer producer, String topic) {
    try {
      var result = producer.send(new Message(topic, "after".getBytes(StandardCharsets.UTF_8)));
      lastFailure = String.valueOf(result);
      return result.getSendStatus() == SendStatus.SEND_OK;
    } catch (Exception notYet) {
      StringBuilder chain = new StringBuilder();
      for (Throwable t = notYet; t != null; t = t.getCause()) {
        chain.append(chain.length() == 0 ? "" : " <- ").append(t);
      }
      lastFailure = chain.toString();
      return false;
    }
  }

  /** What the routed master says of itself and of {@code topic}, for a failure's report. */
  private static String describeMaster(DefaultMQAdminExt admin, FaultCluster cluster, String topic) {
    try {
      String master = admin.examineBrokerClusterInfo().getBrokerAddrTable().get(cluster.brokerName(0))
          .getBrokerAddrs().get(0L);
      Map<String, String> stats = admin.fetchBrokerRuntimeStats(master).getTable();
      String topicConfig;
      try {
        topicConfig = String.valueOf(admin.examineTopicConfig(master, topic));
      } catch (Exception e) {
        topicConfig = "not readable: " + e;
      }
      return "master " + master + " has topic config " + topicConfig + "; route "
          + admin.examineTopicRouteInfo(topic) + "; runtime " + new TreeMap<>(stats);
    } catch (Exception e) {
      return "the master could not be described: " + e;
    }
  }

  private static void await(String what, BooleanSupplier condition, Duration budget) {
    await(what, condition, budget, () -> "");
  }

  private static void await(String what, BooleanSupplier condition, Duration budget,
      java.util.function.Supplier<String> state) {
    long deadline = System.nanoTime() + budget.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no " + what + " within " + budget.toSeconds() + " s " + state.get());
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }
}
