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

  SimulationFailure(long seed, String replay, List<String> faults, Throwable cause) {
    super("failed under simulation seed " + seed + ": " + cause + "\n  faults injected before it: "
        + (faults.isEmpty() ? "none" : String.join(", ", faults)) + "\n  replay it: " + replay, cause);
    this.seed = seed;
    this.replay = replay;
  }

  public long seed() {
    return seed;
  }

  /** How to run this seed alone. */
  public String replay() {
    return replay;
  }
}
