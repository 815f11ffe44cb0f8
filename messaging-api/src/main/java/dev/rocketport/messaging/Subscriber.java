package dev.rocketport.messaging;

/**
 * Starts subscriptions. Each call adds one member to the spec's consumer group. All members of a
 * group must subscribe to the same topic with the same filter, delivery mode and ordering; a
 * differing member is refused with {@link IllegalStateException}.
 *
 * <p><b>Errors.</b> Starting a subscription fails fast, and then nothing was subscribed:
 * <ul>
 *   <li>{@link InvalidArgumentException} — a null or invalid spec or handler, or a topic that does
 *       not exist (on {@code topic});
 *   <li>{@link UnsupportedFeatureException} — a feature the adapter lacks (an SQL filter, say);
 *   <li>{@link AccessDeniedException} — the broker refused the credentials or has no grant for the
 *       topic and group;
 *   <li>{@link IllegalStateException} — a closed runtime, a member shaped unlike its group, a
 *       broker that cannot be reached, or none registered (a cluster starting).
 * </ul>
 *
 * <p><b>Delivery.</b> At least once: a message is redelivered until its handler succeeds, is
 * rejected, or exhausts the spec's retries (then it is dead-lettered). Thread-safe.
 */
public interface Subscriber {

  Subscription subscribe(SubscriptionSpec spec, MessageHandler handler);

  /** As {@link #subscribe}, delivering up to {@code spec.batchSize()} messages per call (1 if unset). */
  Subscription subscribeBatch(SubscriptionSpec spec, BatchMessageHandler handler);
}
