package dev.rocketport.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.SimpleConsumer;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * RocketMQ's proxy in both deployments, met by RocketMQ's own gRPC client in this JVM: LOCAL mode
 * beside a broker in one child JVM, and CLUSTER mode in a child of its own reaching a broker through
 * the name server. A message goes in and comes out with its tag and keys.
 */
@Execution(ExecutionMode.CONCURRENT) // each test waits on child JVMs of its own
class EmbeddedProxyTest {

  @Test
  void aGrpcClientSendsAndReceivesThroughALocalModeProxy(@TempDir Path dir) throws Exception {
    try (ChildProcessRocketMq node = ChildProcessRocketMq.withProxy(dir)) {
      createTopicAndGroup(node.nameServerAddress(), "grpc-local");
      roundTrip(node.proxyEndpoint(), "grpc-local");
      node.kill(); // a graceful broker shutdown costs 20 s and is not what this test is about
    }
  }

  @Test
  void aGrpcClientSendsAndReceivesThroughAClusterModeProxy(@TempDir Path dir) throws Exception {
    try (ChildProcessRocketMq node = ChildProcessRocketMq.start(Files.createDirectories(dir.resolve("broker")));
        ChildProcessRocketMq proxy = ChildProcessRocketMq.proxy(Files.createDirectories(dir.resolve("proxy")),
            node.nameServerAddress())) {
      createTopicAndGroup(node.nameServerAddress(), "grpc-cluster");
      roundTrip(proxy.proxyEndpoint(), "grpc-cluster");
      proxy.kill(); // graceful shutdowns cost 12 s (proxy) and 20 s (broker) and are not what this test is about
      node.kill();
    }
  }

  /** The topic, and its consumer group: a LOCAL-mode proxy serves only groups the broker knows. */
  private static void createTopicAndGroup(String nameServer, String topic) throws Exception {
    DefaultMQAdminExt admin = new DefaultMQAdminExt();
    admin.setNamesrvAddr(nameServer);
    admin.setInstanceName("proxy-test-" + UUID.randomUUID());
    admin.start();
    try {
      String broker = admin.examineBrokerClusterInfo().getBrokerAddrTable().values().iterator().next()
          .selectBrokerAddr();
      admin.createAndUpdateTopicConfig(broker, new org.apache.rocketmq.common.TopicConfig(topic, 4, 4));
      var group = new org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig();
      group.setGroupName(topic + "-readers");
      admin.createAndUpdateSubscriptionGroupConfig(broker, group);
    } finally {
      admin.shutdown();
    }
  }

  private static void roundTrip(String endpoint, String topic) throws Exception {
    ClientServiceProvider provider = ClientServiceProvider.loadService();
    ClientConfiguration configuration = ClientConfiguration.newBuilder().setEndpoints(endpoint).enableSsl(false)
        .setRequestTimeout(Duration.ofSeconds(10)).build();
    try (SimpleConsumer consumer = provider.newSimpleConsumerBuilder().setClientConfiguration(configuration)
        .setConsumerGroup(topic + "-readers").setAwaitDuration(Duration.ofSeconds(2))
        .setSubscriptionExpressions(Map.of(topic, FilterExpression.SUB_ALL)).build();
        Producer producer = provider.newProducerBuilder().setClientConfiguration(configuration).setTopics(topic)
            .build()) {
      var receipt = producer.send(provider.newMessageBuilder().setTopic(topic).setTag("created").setKeys("order-1")
          .setBody("hello over gRPC".getBytes(StandardCharsets.UTF_8)).build());
      List<MessageView> received = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (received.isEmpty() && System.nanoTime() < deadline) {
        for (MessageView view : consumer.receive(16, Duration.ofSeconds(30))) {
          received.add(view);
          consumer.ack(view);
        }
      }
      assertEquals(1, received.size(), "one message received");
      MessageView view = received.get(0);
      assertEquals(receipt.getMessageId(), view.getMessageId());
      assertEquals("hello over gRPC", StandardCharsets.UTF_8.decode(view.getBody()).toString());
      assertEquals("created", view.getTag().orElseThrow());
      assertTrue(view.getKeys().contains("order-1"));
    }
  }
}
