package dev.rocketport.messaging;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an adapter supports, declared in one place: optional {@link Feature}s, the maximum body size,
 * the maximum delivery delay and the retry ladder of concurrent subscriptions. Immutable.
 */
public record Capabilities(String adapter, Set<Feature> features, int maxMessageSize, Duration maxDelay,
    RetryLadder retryLadder) {

  public Capabilities {
    InvalidArgumentException.requireNonNull(adapter, "adapter");
    features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    if (maxMessageSize < 1) {
      throw new InvalidArgumentException("maxMessageSize", "must be positive, was " + maxMessageSize);
    }
    InvalidArgumentException.requireNonNull(maxDelay, "maxDelay");
    InvalidArgumentException.requireNonNull(retryLadder, "retryLadder");
  }

  public boolean supports(Feature feature) {
    return features.contains(feature);
  }
}
