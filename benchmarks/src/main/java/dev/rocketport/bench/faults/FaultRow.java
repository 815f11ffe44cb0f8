package dev.rocketport.bench.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One fault scenario's figures: what was sent and acknowledged, what failed definitely (and how many
 * of those were stored after all: a misreport, must be 0) or with an unknown outcome (and how many of
 * those the broker stored after all), what was lost (acknowledged but never stored, or never handled
 * where the scenario is about consumers), duplicates, and how long the fault interrupted the flow.
 * Immutable.
 *
 * @param recovery how long until the flow resumed (or what the scenario measures), null if not applicable
 */
record FaultRow(String scenario, String adapter, long sent, long acknowledged, long definiteFailures,
    long definiteStored, long unknownOutcomes, long unknownStored, long lost, long duplicates, Duration recovery,
    String note) {

  /** Figures from a tally and an audit of what was stored ({@code stored} counts each body's copies). */
  static FaultRow of(String scenario, String adapter, Tally tally, Map<String, Integer> stored, Duration recovery,
      String note) {
    Set<String> unknown = tally.unknown();
    long lost = tally.acknowledged().stream().filter(b -> !stored.containsKey(b)).count();
    long duplicates = stored.values().stream().mapToLong(n -> n - 1).sum();
    long unknownStored = unknown.stream().filter(stored::containsKey).count();
    long definiteStored = tally.definiteBodies().stream().filter(stored::containsKey).count();
    return new FaultRow(scenario, adapter, tally.sent(), tally.acknowledgedCount(), tally.definite(), definiteStored,
        unknown.size(), unknownStored, lost, duplicates, recovery, note);
  }

  static final List<String> HEADER = List.of("scenario", "adapter", "sent", "acked", "failed", "failed→stored",
      "unknown", "unknown→stored", "lost", "dupes", "recovery", "note");

  /** The rows as a Markdown table. */
  static String table(List<FaultRow> rows) {
    StringBuilder out = new StringBuilder("| " + String.join(" | ", HEADER) + " |\n");
    out.append("|").append("---|".repeat(HEADER.size())).append('\n');
    for (FaultRow r : rows) {
      out.append(String.format("| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s |%n", r.scenario, r.adapter,
          r.sent, r.acknowledged, r.definiteFailures, r.definiteStored, r.unknownOutcomes, r.unknownStored, r.lost,
          r.duplicates,
          r.recovery == null ? "–" : String.format("%.1f s", r.recovery.toMillis() / 1000.0), r.note));
    }
    return out.toString();
  }
}
