package dev.rocketport.idempotency;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.rocketmq.RocketMqFixture;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryStoreOnRocketMqTest extends IdempotencyContract {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  @Override
  protected AdapterFixture newFixture() {
    return new RocketMqFixture(ROCKETMQ.broker());
  }

  @Override
  protected IdempotencyStore newStore() {
    return InMemoryIdempotencyStore.of(10_000, Duration.ofHours(1));
  }
}
