package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.admin.DeadLetter;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory broker's account of dead letters per consumer group: every letter parked, in order,
 * which of them were redriven (so only the rest are pending), and how often each redriven message
 * had been redriven (what its letter reports, should it come back). Not thread-safe: guarded by the
 * broker lock.
 */
final class DeadLetterLedger {
  private final Map<String, List<DeadLetter>> parked = new HashMap<>();
  private final Map<String, Set<String>> redriven = new HashMap<>();
  /** Redrives per message id of a redriven copy. */
  private final Map<String, Integer> redrives = new HashMap<>();

  void record(String group, StoredMessage stored, int attempts, Option<String> rejectReason) {
    parked.computeIfAbsent(group, g -> new ArrayList<>()).add(new DeadLetter(ConsumerGroup.of(group), stored,
        attempts, rejectReason, redrives.getOrDefault(stored.messageId(), 0)));
  }

  /** The letters of {@code group} not yet redriven, oldest first. */
  List<DeadLetter> pending(String group) {
    Set<String> done = redriven.getOrDefault(group, Set.of());
    return parked.getOrDefault(group, List.of()).stream().filter(l -> !done.contains(l.messageId())).toList();
  }

  boolean isPending(DeadLetter letter) {
    return pending(letter.group().name()).stream().anyMatch(l -> l.messageId().equals(letter.messageId()));
  }

  /** {@code letter} was redriven as the message {@code copyId}. */
  void markRedriven(DeadLetter letter, String copyId) {
    redriven.computeIfAbsent(letter.group().name(), g -> new HashSet<>()).add(letter.messageId());
    redrives.put(copyId, letter.redrives() + 1);
  }
}
