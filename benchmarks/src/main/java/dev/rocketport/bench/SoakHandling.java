package dev.rocketport.bench;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.util.function.IntConsumer;

/**
 * What every member of a soak's consumer group does, in the soak's JVM and in a {@link SoakMemberProcess}
 * alike: the subscription (8 handler threads, two retries before a message is dead-lettered) and the
 * handler, which fails a poison message every time, a flaky one on its first delivery, and reports each
 * other message's sequence number before acknowledging it. Stateless.
 */
final class SoakHandling {
  static final int MAX_RETRIES = 2;
  static final String SEQUENCE_HEADER = "seq";

  private SoakHandling() {}

  /** 1 % poison, 4 % failing their first delivery, 5 % delayed by 2 s, the rest plain. */
  static String kind(int seq) {
    return seq % 100 == 0 ? "poison" : seq % 25 == 0 ? "flaky" : seq % 20 == 0 ? "delayed" : "plain";
  }

  static SubscriptionSpec spec(Topic topic, ConsumerGroup group) {
    return SubscriptionSpec.builder(topic, group).concurrency(8).maxRetries(MAX_RETRIES).build();
  }

  /** The handler, telling {@code handled} of each message it acknowledges, before acknowledging it. */
  static MessageHandler handler(IntConsumer handled) {
    return m -> {
      int seq = sequence(m);
      String kind = kind(seq);
      if (kind.equals("poison") || kind.equals("flaky") && m.deliveryAttempt() == 1) {
        return HandlerResult.retry();
      }
      handled.accept(seq);
      return HandlerResult.success();
    };
  }

  /** The key each soak message carries, so that a lost one can be looked up ({@link LossTrace}). */
  static String key(int seq) {
    return "soak-" + seq;
  }

  static int sequence(ReceivedMessage message) {
    return Integer.parseInt(message.header(SEQUENCE_HEADER).get());
  }
}
