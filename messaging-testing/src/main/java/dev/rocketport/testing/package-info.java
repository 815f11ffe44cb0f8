/**
 * Helpers for testing applications written against the messaging API, free of any test framework
 * so that runnable programs (the examples' tour) may use them too: {@link dev.rocketport.testing.Waiting}
 * waits for a condition with a deadline, on the wall clock or an adapter's virtual clock.
 */
@NullMarked
package dev.rocketport.testing;

import org.jspecify.annotations.NullMarked;
