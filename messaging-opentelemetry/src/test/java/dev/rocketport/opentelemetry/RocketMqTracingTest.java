package dev.rocketport.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.rocketmq.RocketMqFixture;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tracing on the embedded broker, and with plain RocketMQ clients on either side of a trace. */
class RocketMqTracingTest extends TracingContract {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  @Override
  AdapterFixture newFixture() {
    return new RocketMqFixture(ROCKETMQ.broker());
  }

  @Test
  void aPlainProducersTraceparentIsContinuedAndAPlainConsumerSeesRocketportsOwn() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String traceId = "0af7651916cd43dd8448eb211c80319c";
    String parentSpanId = "b7ad6b7169203331";
    List<MessageExt> seenByPlainConsumer = new CopyOnWriteArrayList<>();
    DefaultMQProducer producer = new DefaultMQProducer("plain-traced-producer-" + run);
    producer.setNamesrvAddr(ROCKETMQ.broker().nameServerAddress());
    producer.setInstanceName("plain-traced-" + run);
    DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("plain-traced-consumer-" + run);
    consumer.setNamesrvAddr(ROCKETMQ.broker().nameServerAddress());
    consumer.setInstanceName("plain-traced-" + run);
    consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    try (Messaging messaging = fixture.newMessaging(RocketportTracing.create(otel).interceptors())) {
      Topic inbound = messaging.admin().createTopic(Topic.of("plain-in-" + run), 2).get();
      Topic outbound = messaging.admin().createTopic(Topic.of("plain-out-" + run), 2).get();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(inbound, ConsumerGroup.of("bridge-" + run)).build(),
          m -> {
            messaging.publisher().send(Message.of(outbound, "forwarded"));
            return HandlerResult.success();
          });
      consumer.subscribe(outbound.name(), "*");
      consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
        seenByPlainConsumer.addAll(messages);
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
      });
      consumer.start();
      producer.start();
      var plain = new org.apache.rocketmq.common.message.Message(inbound.name(), "from a plain producer"
          .getBytes(StandardCharsets.UTF_8));
      plain.putUserProperty("traceparent", "00-" + traceId + "-" + parentSpanId + "-01");
      producer.send(plain);
      await("the plain consumer's message", () -> seenByPlainConsumer.size() == 1);

      SpanData process = span("process " + inbound.name());
      assertEquals(traceId, process.getTraceId(), "the plain producer's trace continues");
      assertEquals(parentSpanId, process.getParentSpanId());
      SpanData forward = span("send " + outbound.name());
      String traceparent = seenByPlainConsumer.get(0).getUserProperty("traceparent");
      assertEquals("00-" + traceId + "-" + forward.getSpanId() + "-01", traceparent,
          "the plain consumer sees Rocketport's traceparent");
    } finally {
      producer.shutdown();
      consumer.shutdown();
    }
  }
}
