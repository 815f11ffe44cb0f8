package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.UnsupportedFeatureException;
import dev.rocketport.messaging.spi.CapabilityChecks;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Capabilities: the limits every adapter declares, and fail-fast for the one optional feature (the
 * filter and validation cases take the adapter's declared path for it, so an adapter without SQL
 * filters passes the whole suite through its fail-fast branches).
 */
public abstract class CapabilityCases extends TckCases {

  @Test
  @DisplayName("every adapter declares RocketMQ's 4 MiB default limit and a retry ladder")
  void coreLimits() {
    Capabilities caps = messaging().capabilities();
    assertEquals(CapabilityChecks.DEFAULT_MAX_MESSAGE_SIZE, caps.maxMessageSize());
    assertTrue(caps.retryLadder().levels().size() >= 3);
  }

  @Test
  @DisplayName("requiring an unsupported feature fails fast naming the feature and the adapter")
  void requireUnsupported() {
    Capabilities caps = messaging().capabilities();
    Capabilities lacking = new Capabilities("test-adapter", EnumSet.noneOf(Feature.class), caps.maxMessageSize(),
        caps.maxDelay(), caps.retryLadder());
    var e = assertThrows(UnsupportedFeatureException.class, () -> CapabilityChecks.require(lacking, Feature.SQL_FILTER, "spec"));
    assertEquals(Feature.SQL_FILTER, e.feature());
    assertTrue(String.valueOf(e.getMessage()).contains("test-adapter"), e::getMessage);
  }
}
