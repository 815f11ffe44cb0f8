package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.BrokerOptions;
import dev.rocketport.embedded.ChildProcessRocketMq;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.testing.Waiting;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window in which a cluster has a name server but no broker registered — a cluster starting, a
 * broker restarted after {@code kill -9} that has not registered yet: what is true is that no broker
 * is registered, not that the topic does not exist. Subscribe, send and create-topic say so; once the
 * broker is back, the same topic works.
 */
class RestartWindowTest {
  private static final String NO_BROKER = "no broker is registered with name server";

  @Test
  void withNoBrokerRegisteredTheTopicIsNotReportedMissing(@TempDir Path dir) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path store = Files.createDirectories(dir.resolve("broker"));
    try (ChildProcessRocketMq nameServer = ChildProcessRocketMq.nameServer(Files.createDirectories(dir.resolve("ns")),
        port)) {
      RocketMqConfig config = RocketMqConfig.builder(nameServer.nameServerAddress()).build();
      Topic topic = Topic.of("restarts");
      ChildProcessRocketMq broker = ChildProcessRocketMq.broker(store, nameServer.nameServerAddress(),
          BrokerOptions.defaults(), List.of("-Xmx512m"));
      try (Messaging messaging = RocketMqMessaging.start(config)) {
        assertTrue(messaging.admin().createTopic(topic, 4).isRight());
      }
      broker.kill();

      try (Messaging messaging = RocketMqMessaging.start(config)) {
        // the name server forgets a killed broker once it sees the connection close
        assertTrue(Waiting.wallClock().awaitUntil(() -> messaging.admin().createTopic(Topic.of("probe"), 1).fold(
            f -> f.description().contains(NO_BROKER), t -> false), Duration.ofSeconds(60)), "the broker was forgotten");
        var refused = assertThrows(IllegalStateException.class, () -> messaging.subscriber().subscribe(
            SubscriptionSpec.builder(topic, ConsumerGroup.of("readers")).build(), m -> HandlerResult.success()));
        assertTrue(refused.getMessage().contains(NO_BROKER), refused.getMessage());
        var sent = messaging.publisher().send(Message.of(topic, "while away"));
        PublishFailure failure = sent.getLeft();
        assertInstanceOf(PublishFailure.BrokerUnavailable.class, failure, failure.description());
        assertTrue(failure.description().contains(NO_BROKER), failure.description());
        AdminFailure backlog = messaging.admin().backlog(topic, ConsumerGroup.of("readers")).getLeft();
        assertTrue(backlog.description().contains(NO_BROKER), backlog.description());
      }

      try (ChildProcessRocketMq restarted = ChildProcessRocketMq.broker(store, nameServer.nameServerAddress(),
          BrokerOptions.defaults(), List.of("-Xmx512m"));
          Messaging messaging = RocketMqMessaging.start(config)) {
        List<String> received = new CopyOnWriteArrayList<>();
        messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("readers")).build(), m -> {
          received.add(m.bodyAsString());
          return HandlerResult.success();
        });
        assertTrue(messaging.publisher().send(Message.of(topic, "back")).isRight());
        assertTrue(Waiting.wallClock().awaitUntil(() -> received.contains("back"), Duration.ofSeconds(60)),
            "the restarted broker serves the topic: " + received);
        assertEquals("back", received.get(received.size() - 1));
        restarted.kill();
      }
    }
  }
}
