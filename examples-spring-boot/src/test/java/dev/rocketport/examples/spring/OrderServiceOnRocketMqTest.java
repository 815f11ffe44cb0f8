package dev.rocketport.examples.spring;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The order service on the RocketMQ adapter, against a real name server and broker started by the test. */
class OrderServiceOnRocketMqTest extends OrderServiceContract {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  @Override
  Map<String, String> adapterSettings() {
    return Map.of("rocketport.adapter", "rocketmq",
        "rocketport.rocketmq.name-server", ROCKETMQ.broker().nameServerAddress(),
        "rocketport.rocketmq.poll-name-server-interval", "1s");
  }
}
