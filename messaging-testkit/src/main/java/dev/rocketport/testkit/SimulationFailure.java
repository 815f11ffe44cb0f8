package dev.rocketport.testkit;

import java.util.List;

/**
 * A test failed under a simulation: which seed, the faults injected before it failed, and the line
 * that replays exactly that run. Its cause is the test's own failure.
 */
public final class SimulationFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final String replay;
  private final List<String> faults;

  SimulationFailure(long seed, String replay, List<String> faults, Throwable cause) {
    super("failed under simulation seed " + seed + ": " + cause + "\n  faults injected before it: "
        + (faults.isEmpty() ? "none" : String.join(", ", faults)) + "\n  replay it: " + replay, cause);
    this.seed = seed;
    this.replay = replay;
    this.faults = List.copyOf(faults);
  }

  /** The faults injected before the test failed, oldest first. */
  public List<String> faults() {
    return faults;
  }

  /** What the test itself said when it failed. */
  public String testFailure() {
    Throwable cause = getCause();
    return cause == null ? "" : String.valueOf(cause.getMessage());
  }

  /** The failure of {@code simulation}'s test with {@code cause}, replayed by {@code replay}. */
  static SimulationFailure of(Simulation simulation, String replay, Throwable cause) {
    return new SimulationFailure(simulation.seed(), replay, simulation.faults().stream().map(Object::toString).toList(),
        cause);
  }

  public long seed() {
    return seed;
  }

  /** How to run this seed alone. */
  public String replay() {
    return replay;
  }
}
