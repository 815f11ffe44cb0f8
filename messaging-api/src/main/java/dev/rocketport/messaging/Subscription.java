package dev.rocketport.messaging;

/**
 * A live subscription: one member of its consumer group. Thread-safe.
 *
 * <p><b>Close.</b> {@link #close()} is idempotent. It stops fetching new messages, waits for
 * handlers already running (up to {@link SubscriptionSpec#closeTimeout()}), commits the offsets of
 * what was acknowledged, and leaves the group, whose remaining members take over its queues.
 * Messages not acknowledged by then are redelivered to the group (at least once).
 */
public interface Subscription extends AutoCloseable {

  SubscriptionSpec spec();

  /** True until {@link #close()} has been called. */
  boolean isActive();

  @Override
  void close();
}
