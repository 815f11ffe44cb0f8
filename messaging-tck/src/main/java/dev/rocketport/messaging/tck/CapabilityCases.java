package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.UnsupportedFeatureException;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Capabilities: the core features every adapter must have, and fail-fast for the rest. */
public abstract class CapabilityCases extends TckCases {

  /** Features the contract requires of every adapter; only SQL filtering is optional. */
  static final EnumSet<Feature> REQUIRED = EnumSet.complementOf(EnumSet.of(Feature.SQL_FILTER));

  @Test
  @DisplayName("every adapter supports the core features and RocketMQ's 4 MiB default limit")
  void coreFeatures() {
    Capabilities caps = messaging().capabilities();
    REQUIRED.forEach(f -> assertTrue(caps.supports(f), caps.adapter() + " must support " + f));
    assertEquals(Capabilities.DEFAULT_MAX_MESSAGE_SIZE, caps.maxMessageSize());
    assertTrue(caps.retryLadder().levels().size() >= 3);
  }

  @Test
  @DisplayName("requiring an unsupported feature fails fast naming the feature and the adapter")
  void requireUnsupported() {
    Capabilities caps = messaging().capabilities();
    Capabilities lacking = new Capabilities("test-adapter", EnumSet.noneOf(Feature.class), caps.maxMessageSize(),
        caps.maxDelay(), caps.retryLadder());
    var e = assertThrows(UnsupportedFeatureException.class, () -> lacking.require(Feature.ORDERLY, "spec"));
    assertEquals(Feature.ORDERLY, e.feature());
    assertTrue(e.getMessage().contains("test-adapter"));
  }
}
