package dev.rocketport.rocketmq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.testing.Waiting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.store.LocalFileOffsetStore;
import org.apache.rocketmq.client.consumer.store.RemoteBrokerOffsetStore;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The upgrade checklist: every call {@link ClientInternals} makes into the client's internals, run
 * against a real broker on the pinned {@code rocketmq-client}. A new client version that moves or
 * changes one of them fails here, naming it, rather than in a subscription's housekeeping.
 */
class ClientInternalsTest {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  private static final Duration BUDGET = Duration.ofSeconds(30);

  @Test
  void everyInternalCallWorksOnThePinnedClient() throws Exception {
    EmbeddedRocketMq broker = ROCKETMQ.broker();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String topic = "internals-" + suffix;
    String group = "internals-g-" + suffix;
    broker.createTopic(topic, 1);
    Clients clients = new Clients(RocketMqConfig.builder(broker.nameServerAddress()).build());
    DefaultMQAdminExt admin = clients.admin();
    DefaultMQProducer producer = clients.producer();
    DefaultMQPushConsumer consumer = clients.pushConsumer(group);
    DefaultMQPullConsumer reader = clients.pullConsumer("internals-reader-" + suffix);
    AtomicInteger consumed = new AtomicInteger();
    admin.start();
    producer.start();
    reader.start();
    try {
      consumer.subscribe(topic, "*");
      // a new group starts at the end of a queue by default: the message sent below must be before it
      consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
      consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
        consumed.addAndGet(messages.size());
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
      });
      consumer.start();
      // the adapter's producer makes one attempt per call (the adapter resends); a busy broker may refuse one
      assertTrue(Waiting.wallClock().awaitUntil(() -> sent(producer, topic), BUDGET), "the message is stored");
      String fresh = topic + "-fresh";
      broker.createTopic(fresh, 2);
      assertTrue(ClientInternals.publishQueues(producer, fresh).isEmpty(), "no route before a send or a refresh");
      ClientInternals.refreshRoute(producer, fresh);
      assertEquals(2, ClientInternals.publishQueues(producer, fresh).size(), "refreshRoute fetched the route");

      String retryTopic = MixAll.getRetryTopic(group);
      assertTrue(Waiting.wallClock().awaitUntil(() -> ClientInternals.learnRoute(consumer, retryTopic), BUDGET),
          "learnRoute: the consumer's rebalance learns the retry topic's route");
      ClientInternals.rebalanceNow(consumer);
      // at least once: a send that timed out may have stored a copy too
      assertTrue(Waiting.wallClock().awaitUntil(() -> consumed.get() >= 1, BUDGET), "the message is consumed");
      assertTrue(ClientInternals.subscriptionVersion(consumer) > 0, "subscriptionVersion");
      // false only while another heartbeat holds the client's lock (the periodic one, say)
      assertTrue(Waiting.wallClock().awaitUntil(() -> ClientInternals.heartbeat(consumer), BUDGET), "heartbeat");

      MessageQueue queue = new MessageQueue(topic, EmbeddedRocketMq.BROKER_NAME, 0);
      String master = ClientInternals.masterAddress(consumer, queue).orElseThrow();
      assertEquals(broker.brokerAddress(), master, "masterAddress");
      assertTrue(ClientInternals.reachable(consumer, master), "reachable: the master");
      int unused;
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        unused = socket.getLocalPort();
      }
      assertFalse(ClientInternals.reachable(consumer, "127.0.0.1:" + unused), "reachable: a port nothing listens on");
      QueryConsumerOffsetRequestHeader header = header(group, queue);
      assertTrue(Waiting.wallClock().awaitUntil(() -> {
        ClientInternals.persistOffsets(consumer);
        return committed(admin, master, header) == consumed.get();
      }, BUDGET), "persistOffsets, then queryConsumerOffset through the admin client");
      assertEquals(consumed.get(), ClientInternals.queryConsumerOffset(consumer, master, header, 3000),
          "queryConsumerOffset through the consumer's client");

      assertInstanceOf(RemoteBrokerOffsetStore.class, ClientInternals.offsetStore(consumer, group, false));
      assertInstanceOf(LocalFileOffsetStore.class, ClientInternals.offsetStore(consumer, group, true));

      String readerGroup = reader.getConsumerGroup();
      reader.updateConsumeOffset(queue, 1);
      // the client sends it one way: it is stored a moment later
      assertTrue(Waiting.wallClock().awaitUntil(() -> {
        ClientInternals.persistOffset(reader, queue);
        return committed(admin, master, header(readerGroup, queue)) == 1;
      }, BUDGET), "persistOffset of a pull consumer");
    } finally {
      consumer.shutdown();
      reader.shutdown();
      producer.shutdown();
      admin.shutdown();
    }
  }

  private static boolean sent(DefaultMQProducer producer, String topic) {
    try {
      return producer.send(new Message(topic, "one".getBytes(StandardCharsets.UTF_8))).getSendStatus()
          == org.apache.rocketmq.client.producer.SendStatus.SEND_OK;
    } catch (Exception refused) {
      return false;
    }
  }

  private static QueryConsumerOffsetRequestHeader header(String group, MessageQueue queue) {
    QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
    header.setConsumerGroup(group);
    header.setTopic(queue.getTopic());
    header.setQueueId(queue.getQueueId());
    return header;
  }

  private static long committed(DefaultMQAdminExt admin, String master, QueryConsumerOffsetRequestHeader header) {
    try {
      return ClientInternals.queryConsumerOffset(admin, master, header, 3000);
    } catch (Exception notYet) {
      return -1;
    }
  }
}
