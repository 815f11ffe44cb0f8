package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.UnsupportedFeatureException;
import java.time.Duration;

/**
 * The limits RocketMQ brokers apply by default, which adapters declare unless configured otherwise,
 * and the fail-fast check for an optional {@link Feature}. Stateless.
 */
public final class CapabilityChecks {
  /** RocketMQ's default maximum message size: 4 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;
  /** RocketMQ's default maximum timer delay: 3 days. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofDays(3);

  private CapabilityChecks() {}

  /** Throws {@link UnsupportedFeatureException} naming {@code context} unless {@code capabilities} has {@code feature}. */
  public static void require(Capabilities capabilities, Feature feature, String context) {
    if (!capabilities.supports(feature)) {
      throw new UnsupportedFeatureException(feature, capabilities.adapter(), context);
    }
  }
}
