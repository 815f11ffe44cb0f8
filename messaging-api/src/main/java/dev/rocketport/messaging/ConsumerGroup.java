package dev.rocketport.messaging;

/**
 * A consumer group: the members of one group share a topic's messages (clustering) or each get
 * all of them (broadcasting). 1–120 characters of {@code [A-Za-z0-9_-%|]}, no reserved prefix, and
 * none of the group names RocketMQ keeps for itself ({@code DEFAULT_CONSUMER}, {@code TOOLS_CONSUMER}, …).
 *
 * <p>Immutable and thread-safe; an illegal name throws {@link InvalidArgumentException} naming
 * the field {@code group}.
 */
public record ConsumerGroup(String name) {
  /** RocketMQ's limit on a group name's length (its retry and dead-letter topics are named after it). */
  public static final int MAX_LENGTH = Names.GROUP_MAX_LENGTH;

  public ConsumerGroup {
    Names.checkGroup(name, "group");
  }

  public static ConsumerGroup of(String name) {
    return new ConsumerGroup(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
