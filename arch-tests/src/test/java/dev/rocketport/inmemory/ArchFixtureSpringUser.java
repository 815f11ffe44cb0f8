package dev.rocketport.inmemory;

/** Breaks "Spring stays in its integration" on purpose; only {@code RulesCanFailTest} imports it. */
final class ArchFixtureSpringUser {
  final org.springframework.context.ApplicationContext context = null;
}
