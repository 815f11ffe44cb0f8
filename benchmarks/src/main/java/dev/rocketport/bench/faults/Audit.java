package dev.rocketport.bench.faults;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads back what a topic stored, with a fresh consumer group from the earliest message: each body
 * with the number of distinct positions (queue, offset) it was stored at, so a message stored twice
 * counts as a duplicate while a redelivery of one stored copy does not. Stateless; thread-safe.
 */
final class Audit {
  private static final Duration QUIET = Duration.ofSeconds(2);

  private Audit() {}

  /**
   * Consumes {@code topic} until every body of {@code expected} has been seen and then nothing new
   * arrives for two seconds, or until {@code budget} passes.
   */
  static Map<String, Integer> stored(Messaging messaging, Topic topic, Set<String> expected, Duration budget) {
    Map<String, Set<String>> positions = new ConcurrentHashMap<>();
    AtomicLong lastNew = new AtomicLong(System.nanoTime());
    var spec = SubscriptionSpec.builder(topic, ConsumerGroup.of("audit-" + UUID.randomUUID().toString().substring(0, 8)))
        .concurrency(8).build();
    try (var subscription = messaging.subscriber().subscribe(spec, m -> {
      if (positions.computeIfAbsent(m.bodyAsString(), b -> ConcurrentHashMap.newKeySet())
          .add(m.queueId() + "@" + m.queueOffset())) {
        lastNew.set(System.nanoTime());
      }
      return HandlerResult.success();
    })) {
      Waiting.wallClock().awaitUntil(() -> positions.keySet().containsAll(expected)
          && System.nanoTime() - lastNew.get() > QUIET.toNanos(), budget);
    }
    Map<String, Integer> counts = new HashMap<>();
    positions.forEach((body, at) -> counts.put(body, at.size()));
    return counts;
  }
}
