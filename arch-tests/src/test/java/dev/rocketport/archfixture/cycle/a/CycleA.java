package dev.rocketport.archfixture.cycle.a;

/** One half of a package cycle, on purpose; only {@code RulesCanFailTest} imports it. */
public final class CycleA {
  final dev.rocketport.archfixture.cycle.b.CycleB other = null;
}
