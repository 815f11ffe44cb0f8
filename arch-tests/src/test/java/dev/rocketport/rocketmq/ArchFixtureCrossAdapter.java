package dev.rocketport.rocketmq;

/** Breaks "adapters are independent" on purpose; only {@code RulesCanFailTest} imports it. */
final class ArchFixtureCrossAdapter {
  final dev.rocketport.inmemory.InMemoryBroker broker = null;
}
