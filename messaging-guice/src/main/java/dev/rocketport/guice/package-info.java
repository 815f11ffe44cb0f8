/**
 * Guice wiring shared by the adapters' modules: every port bound as a singleton from an adapter's
 * runtime, and the lifecycle that closes it in order.
 */
@NullMarked
package dev.rocketport.guice;

import org.jspecify.annotations.NullMarked;
