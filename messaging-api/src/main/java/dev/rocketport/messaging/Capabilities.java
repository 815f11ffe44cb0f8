package dev.rocketport.messaging;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an adapter supports, declared in one place: optional {@link Feature}s, the maximum body size,
 * the maximum delivery delay, the retry ladder of concurrent subscriptions, and how many bytes a
 * message's headers, keys and tag may take together. Immutable.
 */
public record Capabilities(String adapter, Set<Feature> features, int maxMessageSize, Duration maxDelay,
    RetryLadder retryLadder, int maxPropertiesBytes) {
  /**
   * What headers, keys and tag may take by default: RocketMQ's properties limit (32767 bytes) less
   * 1024 kept for the system properties adapters add.
   */
  public static final int DEFAULT_MAX_PROPERTIES_BYTES = Short.MAX_VALUE - 1024;

  public Capabilities {
    InvalidArgumentException.requireNonNull(adapter, "adapter");
    features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    if (maxMessageSize < 1) {
      throw new InvalidArgumentException("maxMessageSize", "must be positive, was " + maxMessageSize);
    }
    InvalidArgumentException.requireNonNull(maxDelay, "maxDelay");
    InvalidArgumentException.requireNonNull(retryLadder, "retryLadder");
    if (maxPropertiesBytes < 1) {
      throw new InvalidArgumentException("maxPropertiesBytes", "must be positive, was " + maxPropertiesBytes);
    }
  }

  /** With the {@linkplain #DEFAULT_MAX_PROPERTIES_BYTES default} properties limit. */
  public Capabilities(String adapter, Set<Feature> features, int maxMessageSize, Duration maxDelay,
      RetryLadder retryLadder) {
    this(adapter, features, maxMessageSize, maxDelay, retryLadder, DEFAULT_MAX_PROPERTIES_BYTES);
  }

  public boolean supports(Feature feature) {
    return features.contains(feature);
  }
}
