/**
 * A small payments application and its test, for the testing kit's simulation: the naive handler
 * passes on the plain in-memory adapter and is caught under simulation; the idempotent one passes
 * every seed.
 */
@NullMarked
package dev.rocketport.examples.payments;

import org.jspecify.annotations.NullMarked;
