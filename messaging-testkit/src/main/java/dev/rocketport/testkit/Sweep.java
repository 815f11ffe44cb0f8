package dev.rocketport.testkit;

import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.messaging.InvalidArgumentException;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs a test body under many seeds, each in a fresh {@link Simulation}, stopping at the first seed
 * that fails. Seeds run in order from {@link #from first} (1 by default), so a sweep finds the same
 * failure on every machine; the system property {@value #SEED_PROPERTY} replays one seed alone.
 * Without a test framework (for {@code main} programs and tours); {@link SimulationTest} is the same
 * for JUnit 5. Immutable.
 */
public final class Sweep {
  /** The system property that replays one seed: a sweep then runs that seed only. */
  public static final String SEED_PROPERTY = "rocketport.simulation.seed";

  private final int seeds;
  private final long first;
  private final FaultPlan plan;
  private final String name;

  private Sweep(int seeds, long first, FaultPlan plan, String name) {
    this.seeds = seeds;
    this.first = first;
    this.plan = plan;
    this.name = name;
  }

  /** {@code seeds} seeds (at least 1) injecting {@link FaultPlan#typical()} faults. */
  public static Sweep of(int seeds) {
    return of(seeds, FaultPlan.typical());
  }

  /** {@code seeds} seeds (at least 1) injecting {@code plan}'s faults. */
  public static Sweep of(int seeds, FaultPlan plan) {
    if (seeds < 1) {
      throw new InvalidArgumentException("seeds", "a sweep needs at least one seed, was " + seeds);
    }
    return new Sweep(seeds, 1, InvalidArgumentException.requireNonNull(plan, "plan"), "");
  }

  /** The same sweep starting at {@code firstSeed}. */
  public Sweep from(long firstSeed) {
    return new Sweep(seeds, firstSeed, plan, name);
  }

  /** The same sweep, naming the test in the replay line (a {@code -Dtest=} selector, a command). */
  public Sweep named(String test) {
    return new Sweep(seeds, first, plan, InvalidArgumentException.requireNonNull(test, "test"));
  }

  /** What a sweep did: the seeds it ran, the faults injected in all, and the wall time it took. */
  public record Result(int seedsRun, long faultsInjected, Duration elapsed) {
    /** Seeds per second of wall time. */
    public double seedsPerSecond() {
      return seedsRun / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
  }

  /**
   * Runs {@code body} under each seed in turn.
   *
   * @throws SimulationFailure at the first seed whose run throws, naming the seed and its replay line
   */
  public Result run(SimulationBody body) {
    long started = System.nanoTime();
    long faults = 0;
    long[] seedsToRun = seedsToRun();
    for (long seed : seedsToRun) {
      faults += runOne(seed, body);
    }
    return new Result(seedsToRun.length, faults, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Runs {@code body} under each seed in turn; the first failure, if any, instead of throwing it. */
  public Optional<SimulationFailure> firstFailure(SimulationBody body) {
    try {
      run(body);
      return Optional.empty();
    } catch (SimulationFailure failure) {
      return Optional.of(failure);
    }
  }

  /** Runs {@code body} under {@code seed}; answers how many faults were injected. */
  private long runOne(long seed, SimulationBody body) {
    try (Simulation simulation = Simulation.of(seed, plan)) {
      try {
        body.run(simulation);
        return simulation.faults().size();
      } catch (Exception | AssertionError e) {
        throw SimulationFailure.of(simulation, replayLine(name, seed), e);
      }
    }
  }

  /** The line that replays {@code seed} of the test {@code name}. */
  static String replayLine(String name, long seed) {
    return (name.isEmpty() ? "" : name + " ") + "-D" + SEED_PROPERTY + "=" + seed;
  }

  private long[] seedsToRun() {
    String replay = System.getProperty(SEED_PROPERTY);
    if (replay != null && !replay.isBlank()) {
      return new long[] {parseSeed(replay)};
    }
    long[] all = new long[seeds];
    for (int i = 0; i < seeds; i++) {
      all[i] = first + i;
    }
    return all;
  }

  static long parseSeed(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException(SEED_PROPERTY, "must be a whole number, was '" + value + "'");
    }
  }
}
