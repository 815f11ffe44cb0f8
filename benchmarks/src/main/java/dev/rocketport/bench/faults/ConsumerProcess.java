package dev.rocketport.bench.faults;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;

/**
 * The {@link ChildConsumer} of the consumer-crash scenario: {@code ConsumerProcess nameServer topic group}
 * subscribes, acknowledging every message, and reports each one's body.
 */
public final class ConsumerProcess {
  private ConsumerProcess() {}

  public static void main(String[] args) throws Exception {
    try (RocketMqMessaging messaging = Runtimes.start(args[0])) {
      messaging.subscriber().subscribe(SubscriptionSpec.builder(Topic.of(args[1]), ConsumerGroup.of(args[2])).build(),
          m -> {
            ChildConsumer.reportHandled(m.bodyAsString());
            return HandlerResult.success();
          });
      ChildConsumer.readyUntilInputCloses();
    }
  }
}
