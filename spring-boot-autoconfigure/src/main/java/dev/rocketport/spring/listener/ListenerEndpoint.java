package dev.rocketport.spring.listener;

import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import java.util.function.Function;

/**
 * One {@code @RocketportListener} method, ready to subscribe: its name for error messages, its spec
 * (placeholders resolved) and how it subscribes. Immutable.
 */
record ListenerEndpoint(String method, SubscriptionSpec spec, Function<Subscriber, Subscription> subscribe) {}
