package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.testing.Waiting;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What users see when things break: typed failures in bounded time, nothing acknowledged lost. Broker,
 * consumer and name server crashes under load are the fault scenarios of the benchmarks module
 * ({@code FaultsTest}, {@code ./rocketport faults}).
 */
class FailureBehaviourTest {
  private static final Logger LOG = LoggerFactory.getLogger(FailureBehaviourTest.class);

  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  private static void await(String what, BooleanSupplier condition) {
    assertTrue(Waiting.wallClock().awaitUntil(condition, Duration.ofSeconds(90)), "timed out waiting for " + what);
  }

  private static RocketMqConfig configFor(String nameServer) {
    return RocketMqConfig.builder(nameServer).sendTimeout(Duration.ofSeconds(2)).sendRetries(0)
        .pollNameServerInterval(Duration.ofSeconds(1)).closeTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void anUnreachableNameServerGivesTypedFailuresInTime() {
    try (Messaging messaging = RocketMqMessaging.start(configFor("127.0.0.1:1"))) {
      Topic topic = Topic.of("unreachable");
      long started = System.nanoTime();
      Either<PublishFailure, SendReceipt> sent = messaging.publisher().send(Message.of(topic, "lost?"));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertInstanceOf(PublishFailure.BrokerUnavailable.class, sent.getLeft(), sent.toString());
      assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "answered within the timeouts, took " + took);
      assertInstanceOf(PublishFailure.BrokerUnavailable.class,
          messaging.publisher().sendAsync(Message.of(topic, "x")).toCompletableFuture().join().getLeft());
      assertInstanceOf(AdminFailure.class, messaging.admin().createTopic(topic, 4).getLeft());
      assertThrows(IllegalStateException.class, () -> messaging.subscriber()
          .subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("g")).build(), m -> HandlerResult.success()));
    }
  }

  @Test
  void aConsumerClosedMidStreamAndReplacedLosesNoAcknowledgedMessage() {
    EmbeddedRocketMq broker = ROCKETMQ.broker();
    try (Messaging messaging = new RocketMqFixture(broker).newMessaging()) {
      Topic topic = Topic.of("handover-" + UUID.randomUUID().toString().substring(0, 8));
      messaging.admin().createTopic(topic, 4).get();
      ConsumerGroup group = ConsumerGroup.of("handover-" + UUID.randomUUID());
      Set<String> sent = ConcurrentHashMap.newKeySet();
      for (int i = 0; i < 500; i++) {
        sent.add(messaging.publisher().send(Message.of(topic, "h" + i)).get().messageId());
      }
      Set<String> handled = ConcurrentHashMap.newKeySet();
      AtomicInteger deliveries = new AtomicInteger();
      var spec = SubscriptionSpec.builder(topic, group).concurrency(2).closeTimeout(Duration.ofSeconds(10)).build();
      var first = messaging.subscriber().subscribe(spec, m -> {
        deliveries.incrementAndGet();
        handled.add(m.messageId());
        return HandlerResult.success();
      });
      await("the first member to handle 100", () -> handled.size() >= 100);
      first.close();
      var second = messaging.subscriber().subscribe(spec, m -> {
        deliveries.incrementAndGet();
        handled.add(m.messageId());
        return HandlerResult.success();
      });
      await("all 500 handled across both members", () -> handled.containsAll(sent));
      second.close();
      int duplicates = deliveries.get() - handled.size();
      LOG.info("handover: 500 messages, {} deliveries, {} duplicates", deliveries.get(), duplicates);
      assertEquals(500, handled.size());
    }
  }
}
