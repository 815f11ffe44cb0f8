package dev.rocketport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.ChildProcessRocketMq;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.testing.Waiting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lost soak message's trace names where the broker holds it: here, once, in the soak's topic. */
class LossTraceTest {

  @Test
  void aTraceNamesTheStoredCopiesOfAMessage(@TempDir Path store) {
    try (ChildProcessRocketMq broker = ChildProcessRocketMq.start(store);
        RocketMqMessaging messaging = RocketMqMessaging.start(RocketMqConfig.builder(broker.nameServerAddress()).build())) {
      Topic topic = messaging.admin().createTopic(Topic.of("loss-trace"), 1).get();
      assertTrue(messaging.publisher().send(Message.builder(topic).body("soak 7").key(SoakHandling.key(7)).build())
          .isRight(), "stored");
      String[] line = new String[1];
      // the broker indexes keys a moment after it stores a message
      assertTrue(Waiting.wallClock().awaitUntil(() -> {
        line[0] = LossTrace.of(broker.nameServerAddress(), topic, ConsumerGroup.of("loss-trace"), List.of(7)).get(0);
        return line[0].contains("loss-trace [ q0@0 stored");
      }, Duration.ofSeconds(30)), "traced: " + line[0]);
      assertTrue(line[0].startsWith("lost 7 (plain):"), line[0]);
      assertEquals(1, line[0].split("q0@").length - 1, "one copy, in the topic only: " + line[0]);
    }
  }
}
