package dev.rocketport.examples;

/** Breaks "examples use the API only" on purpose; only {@code RulesCanFailTest} imports it. */
final class ArchFixtureAdapterAwareScenario {
  final dev.rocketport.inmemory.InMemoryMessaging messaging = null;
}
