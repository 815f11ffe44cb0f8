package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.FaultCluster;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.Backlog;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.testing.Waiting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replicated group's failover (a master and a replica with RocketMQ's controller, each in a JVM of
 * its own) seen by one runtime whose clients poll routes only every ten minutes, so that nothing but
 * Rocketport's own route refresh can lead them to the promoted master: the publisher's sends reach it,
 * and so does a subscription that was idle when the master died — it had handled and committed all
 * there was, so no commit of its own failed.
 */
class FailoverTest {
  private final Waiting waiting = Waiting.wallClock();

  @Test
  void publishingAndAnIdleSubscriptionFollowThePromotedMaster(@TempDir Path dir) throws Exception {
    try (FaultCluster cluster = FaultCluster.startReplicated(dir, 2)) {
      assertTrue(waiting.awaitUntil(() -> cluster.inSyncReplicas() == 2, Duration.ofSeconds(60)), "both members in sync");
      Topic topic = Topic.of("failover");
      ConsumerGroup group = ConsumerGroup.of("failover");
      cluster.createTopic(topic.name(), 2);
      RocketMqConfig config = RocketMqConfig.builder(cluster.nameServerAddress())
          .pollNameServerInterval(Duration.ofMinutes(10)).build();
      List<String> handled = new CopyOnWriteArrayList<>();
      try (RocketMqMessaging messaging = RocketMqMessaging.start(config);
          var subscription = messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, group).build(), m -> {
            handled.add(m.bodyAsString());
            return HandlerResult.success();
          })) {
        assertTrue(messaging.publisher().send(Message.of(topic, "before")).isRight(), "sent before the failover");
        assertTrue(waiting.awaitUntil(() -> handled.contains("before") && messaging.admin().backlog(topic, group)
            .map(Backlog::total).getOrElse(-1L) == 0, Duration.ofSeconds(60)), "handled and committed: " + handled);

        int first = cluster.masterIndex();
        cluster.killBroker(first);
        assertTrue(waiting.awaitUntil(() -> cluster.masterIndex() == 1 - first, Duration.ofSeconds(90)),
            "the replica promoted");
        assertTrue(waiting.awaitUntil(() -> messaging.publisher().send(Message.of(topic, "after")).isRight(),
            Duration.ofSeconds(60)), "a send acknowledged by the promoted master");
        assertTrue(waiting.awaitUntil(() -> handled.contains("after"), Duration.ofSeconds(60)),
            "the subscription handled a message of the promoted master: " + handled);
      }
    }
  }
}
