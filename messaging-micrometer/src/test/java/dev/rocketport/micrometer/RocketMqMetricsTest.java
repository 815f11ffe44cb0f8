package dev.rocketport.micrometer;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.Interceptors;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.messaging.tck.Waiting;
import dev.rocketport.rocketmq.RocketMqConfig;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

class RocketMqMetricsTest extends MetricsContract {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  @Override
  Messaging runtime(Interceptors interceptors) {
    return RocketMqMessaging.start(RocketMqConfig.builder(ROCKETMQ.broker().nameServerAddress())
        .retryLadder(RetryLadder.of(ROCKETMQ.broker().settings().delayLevels()))
        .pollNameServerInterval(Duration.ofSeconds(1)).build(), interceptors);
  }

  @Override
  Waiting waiting() {
    return Waiting.wallClock();
  }
}
