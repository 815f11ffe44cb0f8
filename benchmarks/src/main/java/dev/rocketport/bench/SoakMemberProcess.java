package dev.rocketport.bench;

import dev.rocketport.bench.faults.ChildConsumer;
import dev.rocketport.bench.faults.Runtimes;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;

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
      messaging.subscriber().subscribe(SoakHandling.spec(Topic.of(args[1]), ConsumerGroup.of(args[2])),
          SoakHandling.handler(seq -> ChildConsumer.reportHandled(String.valueOf(seq))));
      ChildConsumer.readyUntilInputCloses();
    }
  }
}
