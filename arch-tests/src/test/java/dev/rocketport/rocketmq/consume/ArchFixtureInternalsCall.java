package dev.rocketport.rocketmq.consume;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;

/** Breaks "only ClientInternals calls into the client's internals" on purpose; only {@code RulesCanFailTest} imports it. */
final class ArchFixtureInternalsCall {
  static Object factory(DefaultMQPushConsumer consumer) {
    return consumer.getDefaultMQPushConsumerImpl().getmQClientFactory();
  }
}
