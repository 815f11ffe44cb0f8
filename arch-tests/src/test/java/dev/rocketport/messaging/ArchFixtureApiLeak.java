package dev.rocketport.messaging;

/** Breaks the API rules on purpose (a Guice type in the API); only {@code RulesCanFailTest} imports it. */
public final class ArchFixtureApiLeak {
  final com.google.inject.Injector injector = null;
}
