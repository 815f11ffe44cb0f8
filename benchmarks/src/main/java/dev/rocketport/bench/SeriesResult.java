package dev.rocketport.bench;

import java.util.List;
import java.util.Optional;

/**
 * Every step measured for one scenario done one way ("raw", "rocketport", "inmemory"), with the
 * closed-loop capacity probe. {@link #best()} is the highest throughput whose p99 stayed within the
 * scenario's bound. Immutable.
 */
record SeriesResult(Scenario scenario, String implementation, double probedCapacity, List<StepResult> steps,
    String error) {

  Optional<StepResult> best() {
    return steps.stream().filter(s -> s.withinBound(scenario.boundMicros()))
        .max(java.util.Comparator.comparingDouble(StepResult::throughput));
  }

  /** Messages per second at the p99 bound, 0 if no step met it. */
  double throughputAtBound() {
    return best().map(StepResult::throughput).orElse(0.0);
  }
}
