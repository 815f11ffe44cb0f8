package dev.rocketport.messaging;

/**
 * Starts subscriptions. Each call adds one member to the spec's consumer group. All members of a
 * group must subscribe to the same topic with the same filter, delivery mode and ordering; a
 * differing member is refused with {@link IllegalStateException}.
 *
 * <p>Fails fast: an invalid spec throws {@link InvalidArgumentException}; a feature the adapter
 * lacks throws {@link UnsupportedFeatureException}; a topic that does not exist throws
 * {@link InvalidArgumentException} on {@code topic}; a closed runtime throws
 * {@link IllegalStateException}. Thread-safe.
 */
public interface Subscriber {

  Subscription subscribe(SubscriptionSpec spec, MessageHandler handler);

  /** As {@link #subscribe}, delivering up to {@code spec.batchSize()} messages per call (1 if unset). */
  Subscription subscribeBatch(SubscriptionSpec spec, BatchMessageHandler handler);
}
