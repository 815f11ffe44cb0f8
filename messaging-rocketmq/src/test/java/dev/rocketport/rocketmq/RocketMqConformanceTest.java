package dev.rocketport.rocketmq;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.messaging.tck.MessagingConformanceSuite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole conformance suite on the RocketMQ adapter, against a real embedded name server and broker. */
class RocketMqConformanceTest extends MessagingConformanceSuite {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  @Override
  protected AdapterFixture createFixture() {
    return new RocketMqFixture(ROCKETMQ.broker());
  }
}
