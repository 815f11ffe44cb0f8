package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.examples.payments.PaymentsCheck;
import dev.rocketport.examples.payments.PaymentsCheck.Handler;
import dev.rocketport.testkit.Simulation;
import dev.rocketport.testkit.SimulationFailure;
import dev.rocketport.testkit.Sweep;
import java.util.Locale;
import java.util.Optional;

/**
 * Deterministic simulation: the payments application's test passes with a naive handler on the tour's
 * adapter, is caught under the testing kit's simulation at a seed (a crash replay or a resend charges
 * twice), replays identically from that seed, and with {@code IdempotentHandling} passes a thousand
 * seeds. The simulations run on the simulated in-memory broker whatever the tour's adapter: the kit
 * is for an application's own tests.
 */
public final class SimulatedFaults implements Scenario {
  static final int SEEDS = 1_000;
  private static final String REPLAY = "-Dtest=PaymentsSimulationTest#theNaiveHandlerIsCaughtAndReplayed";

  @Override
  public String name() {
    return "simulation";
  }

  @Override
  public String description() {
    return "a naive payments handler passes a plain test, is caught under seeded faults, replayed, and fixed";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    PaymentsCheck.eachPaymentChargedOnce(ctx.messaging(), ctx.time(), Handler.NAIVE, ctx.topic("Payments", 4),
        ctx.group("ledger"));
    ctx.say("naive handler on this adapter: every payment charged once (passes)");
    Optional<SimulationFailure> caught = Sweep.of(100).named(REPLAY).firstFailure(simulation ->
        PaymentsCheck.eachPaymentChargedOnce(simulation.messaging(), simulation.waiting(), Handler.NAIVE));
    if (caught.isEmpty()) {
      return Outcome.check(false, "the naive handler passed 100 simulated seeds");
    }
    long seed = caught.get().seed();
    ctx.say("naive handler under simulation: caught at seed " + seed + ": " + caught.get().testFailure());
    ctx.say("  faults injected: " + String.join(", ", caught.get().faults()));
    ctx.say("  replay it: " + caught.get().replay());
    boolean identical = replaysIdentically(seed);
    ctx.say("replayed seed " + seed + " twice: " + (identical ? "the same failure and the same journal" : "DIFFERENT"));
    Sweep.Result fixed = Sweep.of(SEEDS).run(simulation ->
        PaymentsCheck.eachPaymentChargedOnce(simulation.messaging(), simulation.waiting(), Handler.IDEMPOTENT));
    ctx.say(String.format(Locale.ROOT, "idempotent handler: %d seeds passed, %d faults injected, in %.1f s (%.0f seeds/s)",
        fixed.seedsRun(), fixed.faultsInjected(), fixed.elapsed().toMillis() / 1000.0, fixed.seedsPerSecond()));
    return Outcome.check(identical && fixed.seedsRun() == SEEDS,
        "naive handler caught at seed " + seed + " and replayed identically; idempotent handler passed " + SEEDS
            + " seeds");
  }

  /** Runs {@code seed} twice with the naive handler: the same failure, the same journal. */
  private static boolean replaysIdentically(long seed) {
    try (Simulation first = Simulation.of(seed); Simulation second = Simulation.of(seed)) {
      String one = failureOf(first);
      String two = failureOf(second);
      return !one.isEmpty() && one.equals(two) && first.journal().equals(second.journal());
    }
  }

  private static String failureOf(Simulation simulation) {
    try {
      PaymentsCheck.eachPaymentChargedOnce(simulation.messaging(), simulation.waiting(), Handler.NAIVE);
      return "";
    } catch (IllegalStateException e) {
      return String.valueOf(e.getMessage());
    }
  }
}
