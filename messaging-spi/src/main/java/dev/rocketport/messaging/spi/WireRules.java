package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.messaging.ShardingKey;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Map;

/**
 * RocketMQ's rules that every adapter applies alike, so that the in-memory model places, sizes and
 * delays messages as the broker does: which queue a sharding key selects, how large a message is in
 * a batch, which delay level a requested retry delay rounds up to, what a delayed message looks like once due. Stateless; thread-safe.
 */
public final class WireRules {
  /** Fixed per-message encoding overhead in a RocketMQ batch (lengths, flags, timestamps, host). */
  static final int ENCODING_OVERHEAD = 128;

  private WireRules() {}

  /** The index of the queue, among {@code queueCount}, that {@code key} selects. */
  public static int queueFor(ShardingKey key, int queueCount) {
    if (queueCount < 1) {
      throw new InvalidArgumentException("queueCount", "must be at least 1, was " + queueCount);
    }
    return consistentHash(key.value().hashCode(), queueCount);
  }

  /**
   * Jump consistent hashing (Lamping and Veach) of {@code input} into {@code buckets}, as Guava's
   * {@code Hashing.consistentHash} computes it: RocketMQ's proxy picks a message group's queue this
   * way, so a sharding key lands in the same queue whichever protocol sent it.
   */
  static int consistentHash(long input, int buckets) {
    long state = input;
    int candidate = 0;
    while (true) {
      state = 2862933555777941757L * state + 1;
      double next = ((double) ((int) (state >>> 33) + 1)) / 0x1.0p31;
      int jump = (int) ((candidate + 1) / next);
      if (jump < 0 || jump >= buckets) {
        return candidate;
      }
      candidate = jump;
    }
  }

  /**
   * An upper estimate of {@code message}'s size on the wire in a RocketMQ batch: body, tag, keys,
   * headers and the fixed encoding overhead. Batches are split so that no chunk exceeds the limit.
   */
  public static int encodedSize(Message message) {
    int size = ENCODING_OVERHEAD + message.bodyLength();
    size += message.tag().map(t -> t.name().length() * 3 + 8).getOrElse(0);
    for (MessageKey key : message.keys()) {
      size += key.value().length() * 3 + 1;
    }
    for (Map.Entry<String, String> h : message.headers().entrySet()) {
      size += (h.getKey().length() + h.getValue().length()) * 3 + 2;
    }
    return size;
  }

  /** {@code message} without its delivery delay, as subscribers receive it. */
  public static Message undelayed(Message message) {
    return message.delay().isEmpty() ? message
        : new Message(message.topic(), message.body(), message.tag(), message.keys(), message.headers(), Option.none());
  }

  /** The 1-based level of {@code ladder} whose delay is at least {@code delay}, or its last level. */
  public static int levelAtLeast(RetryLadder ladder, Duration delay) {
    for (int i = 0; i < ladder.levels().size(); i++) {
      if (ladder.levels().get(i).compareTo(delay) >= 0) {
        return i + 1;
      }
    }
    return ladder.levels().size();
  }
}
