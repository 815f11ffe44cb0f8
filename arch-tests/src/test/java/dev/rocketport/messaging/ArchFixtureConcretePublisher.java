package dev.rocketport.messaging;

/** Breaks "ports are interfaces" on purpose; only {@code RulesCanFailTest} imports it. */
public abstract class ArchFixtureConcretePublisher {
}
