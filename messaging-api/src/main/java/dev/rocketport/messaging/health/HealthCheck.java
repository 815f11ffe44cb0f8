package dev.rocketport.messaging.health;

import dev.rocketport.messaging.health.Health;
import dev.rocketport.messaging.health.HealthCheck;

/**
 * Reports a runtime's {@link Health}: whether it is open, whether its broker can be reached (a real
 * round trip on a broker-backed adapter, bounded by the adapter's request timeout), and each open
 * subscription's state, how many messages it handled and its handler's last error. Thread-safe; never
 * throws for a condition it reports (a closed runtime is a {@code DOWN} component).
 */
@FunctionalInterface
public interface HealthCheck {

  Health check();
}
