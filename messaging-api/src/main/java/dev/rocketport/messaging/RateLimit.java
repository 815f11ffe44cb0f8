package dev.rocketport.messaging;

/**
 * At most {@code messagesPerSecond} messages handled per second by one subscription (one member of
 * its group), on average; handler calls start at most {@link #burst()} messages ahead of that pace.
 * A batch call counts its messages. Messages over the limit wait in the subscription, after its
 * queues were read, on the adapter's clock and without busy-waiting; a subscription paused by the
 * application or by its {@link CircuitBreaker} spends nothing meanwhile. Immutable.
 */
public record RateLimit(double messagesPerSecond) {
  /** The highest limit. */
  public static final double MAX_PER_SECOND = 1_000_000;

  public RateLimit {
    if (!(messagesPerSecond > 0) || messagesPerSecond > MAX_PER_SECOND) {
      throw new InvalidArgumentException("messagesPerSecond", "must be more than 0 and at most " + (long) MAX_PER_SECOND
          + ", was " + messagesPerSecond);
    }
  }

  public static RateLimit perSecond(double messagesPerSecond) {
    return new RateLimit(messagesPerSecond);
  }

  /** How many messages may start at once after an idle spell: a tenth of a second's worth, at least one. */
  public int burst() {
    return (int) Math.max(1, Math.floor(messagesPerSecond / 10));
  }
}
