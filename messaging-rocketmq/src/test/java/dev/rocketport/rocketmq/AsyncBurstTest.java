package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A burst of asynchronous sends with the adapter's default settings, as fast as one thread can
 * issue them, at a broker that admits far fewer at once: the broker's flow-control refusals become
 * back-pressure (a narrower window, resends after a pause), and every message is delivered.
 */
class AsyncBurstTest {
  private static final int BURST = 20_000;

  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  @Test
  void aBurstOfAsyncSendsWithDefaultSettingsDeliversEveryMessage() {
    RocketMqConfig defaults = RocketMqConfig.builder(ROCKETMQ.broker().nameServerAddress()).build();
    try (Messaging messaging = RocketMqMessaging.start(defaults)) {
      Topic topic = Topic.of("burst-" + UUID.randomUUID().toString().substring(0, 8));
      messaging.admin().createTopic(topic, 8).get();
      String body = "x".repeat(512);
      long started = System.nanoTime();
      List<CompletableFuture<Either<PublishFailure, SendReceipt>>> sends = new ArrayList<>(BURST);
      for (int i = 0; i < BURST; i++) {
        sends.add(messaging.publisher().sendAsync(Message.of(topic, body + i)).toCompletableFuture());
      }
      Map<String, Integer> failures = new TreeMap<>();
      java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
      int delivered = 0;
      for (var send : sends) {
        Either<PublishFailure, SendReceipt> outcome = send.join();
        if (outcome.isRight()) {
          delivered++;
        } else {
          PublishFailure f = outcome.getLeft();
          failures.merge(f instanceof PublishFailure.Rejected r ? "Rejected " + r.code() : f.getClass().getSimpleName(),
              1, Integer::sum);
          firstFailure.compareAndSet(null, f.description());
        }
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.printf("burst of %d async sends with default settings: %d delivered in %d ms; failures %s%n", BURST,
          delivered, millis, failures);
      assertEquals(BURST, delivered, "every message of the burst delivered; failures: " + failures + ", the first: "
          + firstFailure.get());
    }
  }
}
