package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.testing.Waiting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users migrate one service at a time: Rocketport and plain RocketMQ clients read each other's messages intact. */
class RawClientInteropTest {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  private static Messaging messaging;

  @BeforeAll
  static void start() {
    messaging = new RocketMqFixture(ROCKETMQ.broker()).newMessaging();
  }

  @AfterAll
  static void stop() {
    messaging.close();
  }

  private static Topic newTopic() {
    Topic topic = Topic.of("interop-" + UUID.randomUUID().toString().substring(0, 8));
    messaging.admin().createTopic(topic, 4).get();
    return topic;
  }

  private static void await(String what, BooleanSupplier condition) {
    assertTrue(Waiting.wallClock().awaitUntil(condition, Duration.ofSeconds(60)), "timed out waiting for " + what);
  }

  @Test
  void aPlainProducersMessageArrivesIntactThroughASubscription() throws Exception {
    EmbeddedRocketMq broker = ROCKETMQ.broker();
    Topic topic = newTopic();
    List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    var subscription = messaging.subscriber().subscribe(
        SubscriptionSpec.builder(topic, ConsumerGroup.of("interop-in-" + UUID.randomUUID())).build(), m -> {
          arrivals.add(System.currentTimeMillis());
          received.add(m);
          return HandlerResult.success();
        });
    DefaultMQProducer raw = new DefaultMQProducer("interop-raw-producer");
    raw.setNamesrvAddr(broker.nameServerAddress());
    raw.setInstanceName("interop-raw-" + UUID.randomUUID());
    raw.start();
    try {
      var plain = new org.apache.rocketmq.common.message.Message(topic.name(), "paid",
          "order 42 paid".getBytes(StandardCharsets.UTF_8));
      plain.setKeys(List.of("order-42", "customer-7"));
      plain.putUserProperty("region", "eu");
      plain.setDelayTimeMs(3_000);
      long sentAt = System.currentTimeMillis();
      SendResult result = raw.send(plain);
      await("the plain message", () -> received.size() == 1);
      ReceivedMessage got = received.get(0);
      assertEquals(result.getMsgId(), got.messageId());
      assertEquals("order 42 paid", got.bodyAsString());
      assertEquals("paid", got.message().tag().get().name());
      assertEquals(List.of(MessageKey.of("order-42"), MessageKey.of("customer-7")), got.message().keys());
      assertEquals(java.util.Map.of("region", "eu"), got.message().headers());
      long waited = arrivals.get(0) - sentAt;
      assertTrue(waited >= 2_000, "delivered after its 3 s delay (1 s timer precision), waited " + waited + " ms");
    } finally {
      raw.shutdown();
      subscription.close();
    }
  }

  @Test
  void aRocketportMessageArrivesIntactAtAPlainConsumer() throws Exception {
    Topic topic = newTopic();
    List<MessageExt> received = new CopyOnWriteArrayList<>();
    DefaultMQPushConsumer raw = new DefaultMQPushConsumer("interop-raw-consumer-" + UUID.randomUUID());
    raw.setNamesrvAddr(ROCKETMQ.broker().nameServerAddress());
    raw.setInstanceName("interop-raw-" + UUID.randomUUID());
    raw.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    raw.subscribe(topic.name(), "*");
    raw.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
      received.addAll(messages);
      return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    });
    raw.start();
    try {
      SendReceipt receipt = messaging.publisher().send(Message.builder(topic).body("hello from rocketport")
          .tag("created").key("order-43").key("customer-8").header("region", "us").build()).get();
      await("the Rocketport message", () -> received.size() == 1);
      MessageExt got = received.get(0);
      assertEquals(receipt.messageId(), got.getMsgId());
      assertEquals("hello from rocketport", new String(got.getBody(), StandardCharsets.UTF_8));
      assertEquals("created", got.getTags());
      assertEquals("order-43 customer-8", got.getKeys());
      assertEquals("us", got.getUserProperty("region"));
    } finally {
      raw.shutdown();
    }
  }
}
