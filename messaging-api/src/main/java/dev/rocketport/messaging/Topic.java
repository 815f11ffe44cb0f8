package dev.rocketport.messaging;

/**
 * A topic name, validated by RocketMQ's rules: 1–127 characters of {@code [A-Za-z0-9_-%|]}, not a
 * system topic and without a reserved prefix ({@code %RETRY%}, {@code %DLQ%}, {@code RMQ_SYS_}).
 *
 * <p>Immutable and thread-safe. Construction with an illegal name throws
 * {@link InvalidArgumentException} naming the field {@code topic}.
 */
public record Topic(String name) {
  /** RocketMQ's limit on a topic name's length. */
  public static final int MAX_LENGTH = 127;

  public Topic {
    Names.check(name, "topic", MAX_LENGTH);
  }

  public static Topic of(String name) {
    return new Topic(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
