package dev.rocketport.messaging;

/**
 * A producer group. It matters for transactional messages: the broker's check-back for an
 * undecided transaction goes to any live producer of the group that sent it, so every producer of
 * one group must answer with the same {@link TransactionChecker}.
 *
 * <p>Names follow the rules of {@link ConsumerGroup}. Immutable and thread-safe; an illegal name throws {@link InvalidArgumentException} naming
 * the field {@code producerGroup}.
 */
public record ProducerGroup(String name) {
  public ProducerGroup {
    Names.checkGroup(name, "producerGroup");
  }

  public static ProducerGroup of(String name) {
    return new ProducerGroup(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
