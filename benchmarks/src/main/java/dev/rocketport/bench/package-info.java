/**
 * The benchmark harness behind {@code ./rocketport bench} and {@code ./rocketport soak}: the raw
 * RocketMQ client and Rocketport side by side on one interleaved rate ladder, and the in-memory
 * adapter.
 */
@NullMarked
package dev.rocketport.bench;

import org.jspecify.annotations.NullMarked;
