package dev.rocketport.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.inmemory.InMemoryBroker;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.Topic;
import dev.rocketport.spring.listener.RocketportListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A test of the application on the in-memory adapter's virtual clock: a listener that fails twice
 * is redelivered on RocketMQ's retry ladder (10 s, then 30 s), and the test runs those 40 seconds
 * by advancing the broker bean's clock — in milliseconds of real time.
 */
class RetryLadderOnVirtualClockTest {

  /** A listener that asks for a retry on its first two attempts; a bean of this test's context only. */
  static class FlakyAuditor {
    final List<Instant> attempts = new CopyOnWriteArrayList<>();
    final InMemoryBroker broker;

    FlakyAuditor(InMemoryBroker broker) {
      this.broker = broker;
    }

    @RocketportListener(topic = "${orders.topic}", group = "auditors")
    HandlerResult audit(ReceivedMessage message) {
      attempts.add(broker.now());
      return message.deliveryAttempt() < 3 ? HandlerResult.retry() : HandlerResult.success();
    }
  }

  @Test
  void aRetryLadderRunsInMillisecondsOnTheVirtualClock() {
    try (RunningService service = RunningService.start(Map.of("rocketport.adapter", "inmemory",
        "rocketport.inmemory.clock", "virtual", "spring.main.web-application-type", "none"), FlakyAuditor.class)) {
      InMemoryBroker broker = service.bean(InMemoryBroker.class);
      FlakyAuditor auditor = service.bean(FlakyAuditor.class);
      long started = System.nanoTime();
      service.bean(Publisher.class).send(Message.of(Topic.of("orders"), "{\"id\":\"o\",\"item\":\"x\",\"quantity\":1}"))
          .get();
      assertTrue(broker.advanceUntil(() -> auditor.attempts.size() == 3, Duration.ofHours(1)), "three attempts");
      Duration real = Duration.ofNanos(System.nanoTime() - started);
      Duration ladder = Duration.between(auditor.attempts.get(0), auditor.attempts.get(2));
      assertEquals(Duration.ofSeconds(40), ladder, "10 s and 30 s of virtual time between the attempts");
      assertTrue(real.compareTo(Duration.ofSeconds(10)) < 0, "ran in " + real);
    }
  }
}
