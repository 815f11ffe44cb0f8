package dev.rocketport.inmemory;

/** Breaks the RocketMQ containment rule on purpose; only {@code RulesCanFailTest} imports it. */
final class ArchFixtureRocketLeak {
  final org.apache.rocketmq.client.producer.DefaultMQProducer producer = null;
}
