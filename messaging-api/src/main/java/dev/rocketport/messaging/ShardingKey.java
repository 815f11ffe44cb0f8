package dev.rocketport.messaging;

/**
 * Chooses the queue of an ordered message: messages with equal sharding keys go to the same
 * queue and are consumed in send order by an {@link Ordering#ORDERLY} subscription. The queue is the
 * jump consistent hash of {@code value.hashCode()} into the topic's queues on every adapter — what
 * RocketMQ's proxy computes for a message group, so a key keeps its queue across both protocols.
 *
 * <p>Immutable and thread-safe; a null or blank key throws {@link InvalidArgumentException} naming
 * the field {@code shardingKey}.
 */
public record ShardingKey(String value) {
  public ShardingKey {
    InvalidArgumentException.requireNonNull(value, "shardingKey");
    if (value.isBlank()) {
      throw new InvalidArgumentException("shardingKey", "must not be blank");
    }
  }

  public static ShardingKey of(String value) {
    return new ShardingKey(value);
  }
}
