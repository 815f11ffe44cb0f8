package dev.rocketport.examples;

/** Breaks "the adapter's internals stay inside the adapter" and "no test framework" on purpose; only {@code RulesCanFailTest} imports it. */
final class ArchFixtureInternalsUser {
  final dev.rocketport.rocketmq.client.Clients clients = null;
  final org.junit.jupiter.api.TestInfo test = null;
}
