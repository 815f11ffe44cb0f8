package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.StartPosition;
import dev.rocketport.messaging.SubscriptionSpec;
import java.time.Instant;

/** The fail-fast checks every adapter applies when subscribing. Stateless; for adapter authors. */
public final class SubscribeChecks {
  private SubscribeChecks() {}

  /**
   * Throws {@link InvalidArgumentException} for a null spec or handler, a malformed SQL92 filter or a
   * start position after {@code now} (the adapter's clock),
   * {@link dev.rocketport.messaging.UnsupportedFeatureException} for a feature the adapter lacks, and
   * {@link IllegalStateException} if the runtime is closed.
   */
  public static void check(SubscriptionSpec spec, Object handler, Capabilities capabilities, boolean closed,
      Instant now) {
    if (handler == null) {
      throw new InvalidArgumentException("handler", "must not be null");
    }
    if (spec == null) {
      throw new InvalidArgumentException("spec", "must not be null");
    }
    if (spec.deliveryMode() == DeliveryMode.BROADCASTING) {
      CapabilityChecks.require(capabilities, Feature.BROADCASTING, "subscription of group " + spec.group());
    }
    if (spec.filter() instanceof Filter.Sql sql) {
      CapabilityChecks.require(capabilities, Feature.SQL_FILTER, "subscription of group " + spec.group());
      SqlFilter.parse(sql.expression());
    }
    if (spec.startFrom() instanceof StartPosition.At at && at.instant().isAfter(now)) {
      throw new InvalidArgumentException("startFrom", at.instant() + " is in the future (now " + now + ")");
    }
    if (closed) {
      throw new IllegalStateException("the messaging runtime is closed");
    }
  }
}
