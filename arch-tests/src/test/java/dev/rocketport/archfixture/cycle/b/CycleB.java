package dev.rocketport.archfixture.cycle.b;

/** The other half of a package cycle, on purpose; only {@code RulesCanFailTest} imports it. */
public final class CycleB {
  final dev.rocketport.archfixture.cycle.a.CycleA other = null;
}
