package dev.rocketport.rocketmq.publish;

/** Breaks "publish, consume and admin reach each other only through what they share" on purpose; only {@code RulesCanFailTest} imports it. */
final class ArchFixturePublishReachesConsume {
  final dev.rocketport.rocketmq.consume.RocketMqSubscriber subscriber = null;
}
