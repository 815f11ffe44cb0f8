package dev.rocketport.bench;

import dev.rocketport.bench.faults.ChildConsumer;
import dev.rocketport.bench.faults.Runtimes;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A member of a chaos soak's consumer group in a JVM of its own, for {@link Chaos} to kill: {@code
 * SoakMemberProcess nameServer topic group} handles messages as the soak's own member does
 * ({@link SoakHandling}) and reports, as a {@link ChildConsumer}, the sequence number of each message it
 * acknowledges.
 */
public final class SoakMemberProcess {
  private SoakMemberProcess() {}

  public static void main(String[] args) throws Exception {
    try (RocketMqMessaging messaging = Runtimes.start(args[0])) {
      subscribe(messaging, Topic.of(args[1]), ConsumerGroup.of(args[2]));
      ChildConsumer.readyUntilInputCloses();
    }
  }

  /** Subscribes, trying again while the cluster cannot be reached (a route lookup can time out on a loaded machine), as an application would. */
  private static void subscribe(RocketMqMessaging messaging, Topic topic, ConsumerGroup group) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        messaging.subscriber().subscribe(SoakHandling.spec(topic, group),
            SoakHandling.handler(seq -> ChildConsumer.reportHandled(String.valueOf(seq))));
        return;
      } catch (IllegalStateException unreachable) {
        if (System.nanoTime() - deadline > 0) {
          throw unreachable;
        }
        LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
      }
    }
  }
}
