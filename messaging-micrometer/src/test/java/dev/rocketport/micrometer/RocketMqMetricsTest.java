package dev.rocketport.micrometer;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.rocketmq.RocketMqFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

class RocketMqMetricsTest extends MetricsContract {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  @Override
  AdapterFixture newFixture() {
    return new RocketMqFixture(ROCKETMQ.broker());
  }
}
