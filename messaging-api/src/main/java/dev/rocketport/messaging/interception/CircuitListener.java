package dev.rocketport.messaging.interception;

import dev.rocketport.messaging.CircuitBreaker;
import dev.rocketport.messaging.SubscriptionSpec;

/**
 * Told where the {@link CircuitBreaker} of each subscription of a runtime is: {@code CLOSED} when a
 * subscription with a breaker starts, then every new state. Called on the thread that changed the
 * state (a handler thread, or the adapter's timer), outside the breaker's lock: it must be quick and
 * thread-safe; what it throws is logged and ignored.
 */
@FunctionalInterface
public interface CircuitListener {

  void onState(SubscriptionSpec spec, CircuitBreaker.State state);
}
