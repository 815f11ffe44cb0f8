package dev.rocketport.messaging.admin;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.Backlog;
import java.util.Map;

/**
 * How far a consumer group is behind on a topic: per queue, the number of stored messages after the
 * group's committed offset (all of them for a group that never committed), and the total.
 * Retried messages waiting in the group's retry queue are not counted. Immutable.
 */
public record Backlog(Topic topic, ConsumerGroup group, Map<Integer, Long> perQueue) {
  public Backlog {
    InvalidArgumentException.requireNonNull(topic, "topic");
    InvalidArgumentException.requireNonNull(group, "group");
    perQueue = Map.copyOf(perQueue);
  }

  public long total() {
    return perQueue.values().stream().mapToLong(Long::longValue).sum();
  }
}
