package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.ChildProcessRocketMq;
import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.EmbeddedSettings;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.testing.Waiting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What users meet on a fresh deployment with RocketMQ's default timings — a broker with its own
 * settings (retry ladder from 10 s) and a client with its own (routes polled every 30 s, rebalance
 * every 20 s): a new group's first message and first retry arrive within seconds. Runs in a JVM of
 * its own (a separate surefire execution), because the embedded test broker shortens the client's
 * rebalance interval for the whole JVM.
 */
class DefaultTimingsTest {
  private static final Duration PROMPT = Duration.ofSeconds(5);

  @Test
  void aNewGroupGetsItsFirstMessageAndFirstRetryWithinSeconds() throws Exception {
    assertNull(System.getProperty("rocketmq.client.rebalance.waitInterval"),
        "this test needs the client's default rebalance interval: run it in its own JVM");
    Path store = Files.createTempDirectory("rocketport-defaults-");
    try (ChildProcessRocketMq broker = ChildProcessRocketMq.startWithDefaults(store);
         Messaging messaging = RocketMqMessaging.start(RocketMqConfig.builder(broker.nameServerAddress()).build())) {
      Topic topic = Topic.of("defaults-" + UUID.randomUUID().toString().substring(0, 8));
      messaging.admin().createTopic(topic, 4).get();
      messaging.publisher().send(Message.of(topic, "first")).get();
      Map<Integer, Long> arrivals = new ConcurrentHashMap<>();
      long subscribed = System.nanoTime();
      var subscription = messaging.subscriber().subscribe(
          SubscriptionSpec.builder(topic, ConsumerGroup.of("fresh-" + UUID.randomUUID())).build(), m -> {
            arrivals.putIfAbsent(m.deliveryAttempt(), System.nanoTime());
            return m.deliveryAttempt() == 1 ? HandlerResult.retry() : HandlerResult.success();
          });
      Duration firstRetryLevel = EmbeddedSettings.rocketMqDefaults().delayLevels().get(2);
      assertTrue(Waiting.wallClock().awaitUntil(() -> arrivals.containsKey(2), Duration.ofSeconds(90)),
          "the message and its retry arrived at all: " + arrivals.keySet());
      subscription.close();
      Duration first = Duration.ofNanos(arrivals.get(1) - subscribed);
      Duration retry = Duration.ofNanos(arrivals.get(2) - arrivals.get(1));
      System.out.printf("default timings: first delivery %d ms after subscribing; first retry %d ms after it "
          + "(ladder's first level %d s)%n", first.toMillis(), retry.toMillis(), firstRetryLevel.toSeconds());
      assertTrue(first.compareTo(PROMPT) < 0, "a new group's first message within " + PROMPT + ", took " + first);
      assertTrue(retry.compareTo(firstRetryLevel.plus(PROMPT)) < 0,
          "the first retry within the ladder's " + firstRetryLevel + " and " + PROMPT + ", took " + retry);
      broker.kill();
    } finally {
      EmbeddedRocketMq.deleteRecursively(store);
    }
  }
}
