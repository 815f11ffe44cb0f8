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

  /**
   * Stops handing messages to the handler without leaving the group: the member keeps its queues, so
   * the group does not rebalance, and messages stored meanwhile wait as the group's backlog. A handler
   * call already running completes; messages the member had fetched already are held, not handled,
   * until {@link #resume()}. Idempotent; no effect once closed. Closing a paused subscription gives
   * the held messages back to the group as retries (each counts a delivery attempt).
   */
  void pause();

  /** Hands messages to the handler again, held ones first. Idempotent. */
  void resume();

  /** Whether {@link #pause()} holds the handler now. */
  boolean isPaused();

  @Override
  void close();
}
