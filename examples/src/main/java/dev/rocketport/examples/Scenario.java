package dev.rocketport.examples;

import dev.rocketport.messaging.Feature;
import java.util.Set;

/**
 * One of the seed's scenarios, done right: it uses the ports only, checks its own outcome and
 * reports the evidence. Implementations close everything they open before returning.
 */
public interface Scenario {

  /** Short command-line name, e.g. {@code ordered}. */
  String name();

  /** One line saying what it shows. */
  String description();

  /**
   * The optional features the scenario shows; on an adapter lacking one the tour does not run it and
   * says so (SKIPPED-BY-CAPABILITY), never PASS.
   */
  default Set<Feature> requires() {
    return Set.of();
  }

  /** Runs the scenario and verifies it; exceptions count as failure. */
  Outcome run(ScenarioContext context) throws Exception;

  /** Whether the scenario's checks held, and the evidence (counts, order, timings). */
  record Outcome(boolean passed, String evidence) {
    public static Outcome check(boolean passed, String evidence) {
      return new Outcome(passed, evidence);
    }
  }
}
