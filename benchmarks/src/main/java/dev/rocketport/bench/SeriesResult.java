package dev.rocketport.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every step measured for one scenario done one way ("raw", "rocketport", "rocketport-uncoalesced",
 * "inmemory"), in rising target rate, with the closed-loop capacity probe and the heap bytes this JVM
 * allocated per message during it (-1 if not counted). Immutable.
 *
 * <p>{@link #best()} is the fastest measured step whose p99 stayed within the scenario's bound;
 * {@link #rateAtBound()} interpolates where the p99 curve first crosses the bound, which is what the
 * "Rocketport / raw at equal p99" ratio compares (two series measured on the same rates).
 */
record SeriesResult(Scenario scenario, String implementation, double probedCapacity, double bytesPerMessage,
    List<StepResult> steps, @Nullable String error) {

  Optional<StepResult> best() {
    return steps.stream().filter(s -> s.withinBound(scenario.boundMicros()))
        .max(Comparator.comparingDouble(StepResult::throughput));
  }

  /** Messages per second of {@link #best()}, 0 if no step met the bound. */
  double throughputAtBound() {
    return best().map(StepResult::throughput).orElse(0.0);
  }

  /**
   * The throughput at which p99 reaches the bound: linear between the last step within the bound and
   * the first one above it (the first crossing counts, so a noisy low-rate step is not hidden by a
   * good step above it). 0 if the lowest step already missed it; the highest step's throughput if
   * none did ({@link #boundReached()} is then false: the true figure is higher).
   */
  double rateAtBound() {
    long bound = scenario.boundMicros();
    for (int i = 0; i < steps.size(); i++) {
      StepResult above = steps.get(i);
      if (above.withinBound(bound)) {
        continue;
      }
      if (i == 0) {
        return 0;
      }
      StepResult within = steps.get(i - 1);
      if (above.failures() > 0 || above.messages() == 0 || above.p99Micros() <= within.p99Micros()) {
        return within.throughput();
      }
      double share = (double) (bound - within.p99Micros()) / (above.p99Micros() - within.p99Micros());
      return within.throughput() + share * (above.throughput() - within.throughput());
    }
    return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).throughput();
  }

  /** Whether some measured step went past the bound (else {@link #rateAtBound()} is a lower limit). */
  boolean boundReached() {
    return steps.stream().anyMatch(s -> !s.withinBound(scenario.boundMicros()));
  }
}
