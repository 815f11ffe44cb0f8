package dev.rocketport.bench.faults;

import dev.rocketport.embedded.FaultCluster;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario c: a consumer process is killed ({@code kill -9}) mid-stream and another member of its
 * group takes over. Every message must be handled at least once by the group; duplicates (handled by
 * the killed member after its last committed offset, then again) must stay within what it handled in
 * the offset commit interval plus one pull's worth per queue.
 */
final class ConsumerCrashScenario {
  /** The runtime commits acknowledged offsets every second; the broker may answer a pull of 32 per queue. */
  private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
  private static final int QUEUES = 4;
  private static final int PULL_BATCH = 32;

  private ConsumerCrashScenario() {}

  static FaultRow run(FaultCluster cluster, FaultSizes sizes) throws Exception {
    Topic topic = Topic.of("consumer-crash-" + UUID.randomUUID().toString().substring(0, 8));
    String group = "crash-group";
    cluster.createTopic(topic.name(), QUEUES, 0);
    try (RocketMqMessaging messaging = Runtimes.start(cluster.nameServerAddress())) {
      Tally tally = new Tally();
      SyncLoad load = SyncLoad.start(messaging.publisher(), topic, "c", 4, tally);
      Deadline.require("the backlog", () -> tally.acknowledgedCount() >= sizes.consumerBacklog(), Duration.ofSeconds(120));
      load.stop();
      Map<String, Integer> handles = new ConcurrentHashMap<>();
      AtomicLong byFirst = new AtomicLong();
      ChildConsumer first = ChildConsumer.start(ConsumerProcess.class, cluster.nameServerAddress(), topic.name(),
          group);
      Thread reader = new Thread(() -> first.forEachHandled(() -> { }, body -> {
        handles.merge(body, 1, Integer::sum);
        byFirst.incrementAndGet();
      }), "fault-consumer-output");
      reader.start();
      long firstStarted = System.nanoTime();
      Deadline.require("a third handled by the first member", () -> byFirst.get() >= sizes.consumerBacklog() / 3,
          Duration.ofSeconds(120));
      first.kill();
      reader.join();
      double rate = byFirst.get() / ((System.nanoTime() - firstStarted) / 1e9);
      long killedAt = byFirst.get();
      Set<String> expected = tally.acknowledged();
      long taking = System.nanoTime();
      try (var second = messaging.subscriber().subscribe(
          SubscriptionSpec.builder(topic, ConsumerGroup.of(group)).build(), m -> {
            handles.merge(m.bodyAsString(), 1, Integer::sum);
            return HandlerResult.success();
          })) {
        Deadline.require("every message handled by the group", () -> handles.keySet().containsAll(expected),
            Duration.ofSeconds(120));
      }
      Duration takeover = Duration.ofNanos(System.nanoTime() - taking);
      long duplicates = handles.values().stream().mapToLong(n -> n - 1).sum();
      long bound = (long) Math.ceil(rate * COMMIT_INTERVAL.toMillis() / 1000.0) + (long) QUEUES * PULL_BATCH;
      if (duplicates > bound) {
        throw new IllegalStateException(duplicates + " duplicates exceed the bound " + bound);
      }
      long lost = expected.stream().filter(b -> !handles.containsKey(b)).count();
      return new FaultRow("c. consumer process kill -9", "rocketmq", tally.sent(), tally.acknowledgedCount(),
          tally.definite(), tally.definiteBodies().stream().filter(handles::containsKey).count(), tally.unknown().size(), tally.unknown().stream().filter(handles::containsKey).count(), lost,
          duplicates, takeover, String.format("killed member handled %d (%.0f/s); duplicates bound %d", killedAt, rate,
              bound));
    }
  }
}
