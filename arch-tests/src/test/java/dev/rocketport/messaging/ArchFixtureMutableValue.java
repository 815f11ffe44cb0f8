package dev.rocketport.messaging;

/** Breaks "values are immutable" on purpose; only {@code RulesCanFailTest} imports it. */
public final class ArchFixtureMutableValue {
  int count;
}
