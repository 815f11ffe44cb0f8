/**
 * The health of a messaging runtime: {@link dev.rocketport.messaging.health.HealthCheck} reports
 * the runtime, its broker connection and each open subscription as a
 * {@link dev.rocketport.messaging.health.Health}. The rules of {@code dev.rocketport.messaging} hold
 * here too.
 */
@NullMarked
package dev.rocketport.messaging.health;

import org.jspecify.annotations.NullMarked;
