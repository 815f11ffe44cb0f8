package dev.rocketport.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RocketMqBrokerExtension.class)
class EmbeddedRocketMqTest {

  @Test
  void aRawProducerCanSendToATopicCreatedOnTheEmbeddedBroker(EmbeddedRocketMq rocketMq) throws Exception {
    String topic = "embedded-" + UUID.randomUUID().toString().substring(0, 8);
    rocketMq.createTopic(topic, 4);
    DefaultMQProducer producer = new DefaultMQProducer("embedded-test");
    producer.setNamesrvAddr(rocketMq.nameServerAddress());
    producer.setInstanceName("embedded-test-" + UUID.randomUUID());
    producer.setVipChannelEnabled(false);
    producer.start();
    try {
      var result = producer.send(new Message(topic, "hello".getBytes(StandardCharsets.UTF_8)));
      assertEquals(SendStatus.SEND_OK, result.getSendStatus());
      assertTrue(rocketMq.nameServerAddress().startsWith("127.0.0.1:"));
    } finally {
      producer.shutdown();
    }
  }
}
