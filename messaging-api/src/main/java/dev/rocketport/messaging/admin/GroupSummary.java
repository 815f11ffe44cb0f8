package dev.rocketport.messaging.admin;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Topic;
import java.util.List;

/**
 * A consumer group as the broker knows it: the topics it consumes (those it has subscribed to, by
 * name) and how many members are online now (0 when none is running). Immutable.
 */
public record GroupSummary(ConsumerGroup group, List<Topic> topics, int onlineMembers) {

  public GroupSummary {
    InvalidArgumentException.requireNonNull(group, "group");
    InvalidArgumentException.requireNonNull(topics, "topics");
    topics = List.copyOf(topics);
    if (onlineMembers < 0) {
      throw new InvalidArgumentException("onlineMembers", "must not be negative, was " + onlineMembers);
    }
  }
}
