package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.admin.DeadLetter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory broker's account of dead letters per consumer group: every letter parked, in order,
 * and how many of them were redriven already (so only the rest are pending). Not thread-safe:
 * guarded by the broker lock.
 */
final class DeadLetterLedger {
  private final Map<String, List<DeadLetter>> parked = new HashMap<>();
  private final Map<String, Integer> redriven = new HashMap<>();

  void record(DeadLetter letter) {
    parked.computeIfAbsent(letter.group().name(), g -> new ArrayList<>()).add(letter);
  }

  /** The letters of {@code group} not yet redriven, oldest first. */
  List<DeadLetter> pending(String group) {
    List<DeadLetter> all = parked.getOrDefault(group, List.of());
    return List.copyOf(all.subList(redriven.getOrDefault(group, 0), all.size()));
  }

  /** The oldest {@code count} pending letters of {@code group} were redriven. */
  void markRedriven(String group, int count) {
    redriven.merge(group, count, Integer::sum);
  }
}
