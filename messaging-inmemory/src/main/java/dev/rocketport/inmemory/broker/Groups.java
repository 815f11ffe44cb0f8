package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.admin.GroupSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The broker's consumer groups, created on first join. Guarded by the broker lock. */
final class Groups {
  private final Map<String, ConsumerGroupState> byName = new LinkedHashMap<>();
  private final GroupHost host;
  private final InMemoryConfig config;
  private final Journal journal;

  /** @param host what new groups reach the broker through */
  Groups(GroupHost host, InMemoryConfig config, Journal journal) {
    this.host = host;
    this.config = config;
    this.journal = journal;
  }

  void join(GroupMember member) {
    byName.computeIfAbsent(member.spec().group().name(), n -> new ConsumerGroupState(host, config, journal, n))
        .join(member);
  }

  void leave(GroupMember member) {
    ConsumerGroupState group = byName.get(member.spec().group().name());
    if (group != null) {
      group.leave(member);
    }
  }

  /** {@code group}'s committed offset on {@code ref}; 0 for a group that never read it. */
  long committedOffset(String group, QueueRef ref) {
    ConsumerGroupState state = byName.get(group);
    return state == null ? 0 : state.committedOffset(ref);
  }

  /** Every group that has had a member, by name. */
  List<GroupSummary> summaries() {
    return byName.values().stream().map(ConsumerGroupState::summary)
        .sorted(java.util.Comparator.comparing(g -> g.group().name())).toList();
  }

  void refreshQueues() {
    byName.values().forEach(ConsumerGroupState::refreshQueues);
  }

  /** Dispatches for every group, unless the broker is in a simulated outage. */
  void pumpAll() {
    if (!inOutage()) {
      byName.values().forEach(ConsumerGroupState::pump);
    }
  }

  private boolean inOutage() {
    return host.faults().anyOutage() && host.faults().unavailable(host.now());
  }

  /** Dispatches for the groups that consume {@code topic} only. */
  void pumpConsumersOf(String topic) {
    if (inOutage()) {
      return;
    }
    for (ConsumerGroupState g : byName.values()) {
      if (g.consumes(topic)) {
        g.pump();
      }
    }
  }
}
