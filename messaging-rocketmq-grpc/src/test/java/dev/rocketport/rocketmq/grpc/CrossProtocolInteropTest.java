package dev.rocketport.rocketmq.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.testing.Waiting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.client.apis.consumer.SimpleConsumer;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Both protocols on one cluster: what the remoting adapter publishes the gRPC adapter consumes and the
 * other way round — body, tag, keys, headers (a W3C trace context among them) and per-key order
 * intact — and a plain {@code rocketmq-client-java} producer's message reaches a Rocketport
 * subscription, and either adapter's message a plain {@code rocketmq-client-java} consumer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossProtocolInteropTest {
  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private Messaging grpc;
  private Messaging remoting;

  @BeforeAll
  void start() {
    grpc = GrpcMessaging.start(ProxyNode.config().build());
    remoting = RocketMqMessaging.start(RocketMqConfig.builder(ProxyNode.get().nameServerAddress()).build());
  }

  @AfterAll
  void stop() {
    grpc.close();
    remoting.close();
  }

  private static Topic newTopic(Messaging admin) {
    Topic topic = Topic.of("interop-" + UUID.randomUUID().toString().substring(0, 8));
    assertTrue(admin.admin().createTopic(topic, 4).isRight());
    return topic;
  }

  private static Message message(Topic topic, String body) {
    return Message.builder(topic).body(body).tag("created").key("order-1").key("customer-7")
        .header("region", "eu").header("traceparent", TRACEPARENT).build();
  }

  @Test
  void remotingToGrpcAndBack() {
    for (List<Messaging> direction : List.of(List.of(remoting, grpc), List.of(grpc, remoting))) {
      Messaging from = direction.get(0);
      Messaging to = direction.get(1);
      Topic topic = newTopic(remoting);
      List<ReceivedMessage> got = new CopyOnWriteArrayList<>();
      var spec = SubscriptionSpec.builder(topic, ConsumerGroup.of("interop-" + UUID.randomUUID()))
          .orderly().build();
      try (var subscription = to.subscriber().subscribe(spec, m -> {
        got.add(m);
        return HandlerResult.success();
      })) {
        Message plain = message(topic, "héllo ✓");
        String id = from.publisher().send(plain).get().messageId();
        for (int i = 0; i < 10; i++) {
          from.orderedPublisher().send(Message.of(topic, "step-" + i), ShardingKey.of("customer-7")).get();
        }
        assertTrue(Waiting.wallClock().awaitUntil(() -> got.size() >= 11, Duration.ofSeconds(60)),
            () -> from.capabilities().adapter() + " -> " + to.capabilities().adapter() + ": " + got.size() + " of 11");
        ReceivedMessage first = got.stream().filter(m -> m.messageId().equals(id)).findFirst().orElseThrow();
        assertEquals(plain, first.message(), from.capabilities().adapter() + " -> " + to.capabilities().adapter());
        assertEquals(TRACEPARENT, first.message().headers().get("traceparent"));
        assertEquals(java.util.stream.IntStream.range(0, 10).mapToObj(i -> "step-" + i).toList(),
            got.stream().map(ReceivedMessage::bodyAsString).filter(b -> b.startsWith("step-")).toList(),
            "one key's messages in order across protocols");
      }
    }
  }

  @Test
  void aPlainGrpcClientsMessageReachesASubscription() throws Exception {
    Topic topic = newTopic(remoting);
    List<ReceivedMessage> got = new CopyOnWriteArrayList<>();
    var spec = SubscriptionSpec.builder(topic, ConsumerGroup.of("interop-" + UUID.randomUUID())).build();
    try (var subscription = grpc.subscriber().subscribe(spec, m -> {
      got.add(m);
      return HandlerResult.success();
    })) {
      ClientServiceProvider provider = ClientServiceProvider.loadService();
      try (Producer producer = provider.newProducerBuilder().setClientConfiguration(ClientConfiguration.newBuilder()
          .setEndpoints(ProxyNode.get().proxyEndpoint()).enableSsl(false).build()).build()) {
        String id = producer.send(provider.newMessageBuilder().setTopic(topic.name()).setTag("raw").setKeys("k-1")
            .addProperty("traceparent", TRACEPARENT).setBody("from the plain client".getBytes(StandardCharsets.UTF_8))
            .build()).getMessageId().toString();
        assertTrue(Waiting.wallClock().awaitUntil(() -> !got.isEmpty(), Duration.ofSeconds(60)));
        ReceivedMessage m = got.get(0);
        assertEquals(id, m.messageId());
        assertEquals("from the plain client", m.bodyAsString());
        assertEquals("raw", m.message().tag().get().name());
        assertEquals(Map.of("traceparent", TRACEPARENT), m.message().headers());
      }
    }
  }

  @Test
  void aRocketportMessageReachesAPlainGrpcConsumer() throws Exception {
    Topic topic = newTopic(remoting);
    String group = "interop-plain-" + UUID.randomUUID();
    var config = new org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig();
    config.setGroupName(group);
    // a LOCAL-mode proxy serves only groups its broker knows: the remoting adapter's admin client creates it
    try (var admin = new GroupAdmin(ProxyNode.get().nameServerAddress())) {
      admin.create(config);
    }
    ClientServiceProvider provider = ClientServiceProvider.loadService();
    try (SimpleConsumer consumer = provider.newSimpleConsumerBuilder().setClientConfiguration(
            ClientConfiguration.newBuilder().setEndpoints(ProxyNode.get().proxyEndpoint()).enableSsl(false).build())
        .setConsumerGroup(group).setAwaitDuration(Duration.ofSeconds(5))
        .setSubscriptionExpressions(Map.of(topic.name(), FilterExpression.SUB_ALL)).build()) {
      for (Messaging from : List.of(grpc, remoting)) {
        Message sent = message(topic, "to the plain client from " + from.capabilities().adapter());
        String id = from.publisher().send(sent).get().messageId();
        MessageView view = receiveOne(consumer);
        assertEquals(id, view.getMessageId().toString(), from.capabilities().adapter());
        assertEquals("to the plain client from " + from.capabilities().adapter(),
            StandardCharsets.UTF_8.decode(view.getBody()).toString());
        assertEquals("created", view.getTag().orElseThrow());
        assertTrue(view.getKeys().containsAll(List.of("order-1", "customer-7")), view.getKeys()::toString);
        assertEquals(TRACEPARENT, view.getProperties().get("traceparent"));
        assertEquals("eu", view.getProperties().get("region"));
        consumer.ack(view);
      }
    }
  }

  private static MessageView receiveOne(SimpleConsumer consumer) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      List<MessageView> views = consumer.receive(1, Duration.ofSeconds(30));
      if (!views.isEmpty()) {
        return views.get(0);
      }
    }
    throw new AssertionError("nothing received within 60 s");
  }

  /** Creates consumer groups through the name server, as an operator's tool would. */
  private static final class GroupAdmin implements AutoCloseable {
    private final org.apache.rocketmq.tools.admin.DefaultMQAdminExt admin =
        new org.apache.rocketmq.tools.admin.DefaultMQAdminExt();

    GroupAdmin(String nameServer) throws Exception {
      admin.setNamesrvAddr(nameServer);
      admin.setInstanceName("interop-admin-" + UUID.randomUUID());
      admin.start();
    }

    void create(org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig config) throws Exception {
      for (var broker : admin.examineBrokerClusterInfo().getBrokerAddrTable().values()) {
        admin.createAndUpdateSubscriptionGroupConfig(broker.selectBrokerAddr(), config);
      }
    }

    @Override
    public void close() {
      admin.shutdown();
    }
  }
}
