package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.client.Clients;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bound on what a crashed consumer's group handles again: acknowledged offsets reach the broker
 * within about {@link Clients#OFFSET_PERSIST_INTERVAL} from the consumer's first seconds on (the
 * client alone sends them only from ten seconds after it starts). Measured on the broker's committed
 * offsets while the consumer still runs, as a crash would leave them.
 */
class OffsetCommitTest {
  private static final Duration BOUND = Clients.OFFSET_PERSIST_INTERVAL.plusSeconds(2);

  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  @Test
  void acknowledgedOffsetsReachTheBrokerWithinTheIntervalFromTheStart() {
    try (Messaging messaging = new RocketMqFixture(ROCKETMQ.broker()).newMessaging()) {
      Topic topic = Topic.of("commit-" + UUID.randomUUID().toString().substring(0, 8));
      messaging.admin().createTopic(topic, 4).get();
      for (int i = 0; i < 200; i++) {
        messaging.publisher().send(Message.of(topic, "c" + i)).get();
      }
      ConsumerGroup group = ConsumerGroup.of("commit-" + UUID.randomUUID());
      Set<String> handled = ConcurrentHashMap.newKeySet();
      long started = System.nanoTime();
      var subscription = messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, group).build(), m -> {
        handled.add(m.messageId());
        return HandlerResult.success();
      });
      assertTrue(Waiting.wallClock().awaitUntil(() -> handled.size() == 200, Duration.ofSeconds(30)), "all 200 handled");
      long allHandled = System.nanoTime();
      assertTrue(Waiting.wallClock().awaitUntil(() -> messaging.admin().backlog(topic, group).get().total() == 0, Duration.ofSeconds(30)),
          "the broker's committed offsets caught up");
      Duration lag = Duration.ofNanos(System.nanoTime() - allHandled);
      System.out.printf("offset commit: all 200 acknowledged %d ms after subscribing; on the broker %d ms later%n",
          Duration.ofNanos(allHandled - started).toMillis(), lag.toMillis());
      assertTrue(lag.compareTo(BOUND) < 0, "committed on the broker within " + BOUND + " of acknowledgement, took " + lag);
      subscription.close();
    }
  }
}
