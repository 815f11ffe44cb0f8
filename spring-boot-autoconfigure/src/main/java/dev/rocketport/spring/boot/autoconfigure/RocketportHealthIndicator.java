package dev.rocketport.spring.boot.autoconfigure;

import dev.rocketport.messaging.health.HealthCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Rocketport's {@link HealthCheck} as Actuator's {@code rocketport} health component: UP while the
 * runtime is open and its broker answers, with one detail per component (runtime, broker
 * connection, each open subscription with what it handled and its last error). Each call runs the
 * check afresh (a real round trip on a broker adapter, bounded by its timeout). Thread-safe.
 */
public final class RocketportHealthIndicator implements HealthIndicator {
  private final ObjectProvider<HealthCheck> check;

  RocketportHealthIndicator(ObjectProvider<HealthCheck> check) {
    this.check = check;
  }

  @Override
  public Health health() {
    dev.rocketport.messaging.health.Health health = check.getObject().check();
    Health.Builder builder = health.status() == dev.rocketport.messaging.health.Health.Status.UP
        ? Health.up() : Health.down();
    builder.withDetail("checkedAt", health.checkedAt().toString());
    for (var component : health.components()) {
      builder.withDetail(component.name(), component.status() + ": " + component.detail());
    }
    return builder.build();
  }
}
