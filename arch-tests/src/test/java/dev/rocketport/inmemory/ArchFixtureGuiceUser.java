package dev.rocketport.inmemory;

/** Breaks the Guice containment rule on purpose; only {@code RulesCanFailTest} imports it. */
final class ArchFixtureGuiceUser {
  final com.google.inject.Injector injector = null;
}
