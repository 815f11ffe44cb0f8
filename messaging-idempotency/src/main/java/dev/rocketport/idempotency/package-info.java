/**
 * Idempotent consumers: middleware that handles each message id once per group, over a pluggable
 * store.
 */
@NullMarked
package dev.rocketport.idempotency;

import org.jspecify.annotations.NullMarked;
