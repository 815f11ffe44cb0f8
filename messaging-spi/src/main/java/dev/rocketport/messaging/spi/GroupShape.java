package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;

/**
 * What every member of one consumer group must subscribe alike: topic, filter, delivery mode and
 * ordering. RocketMQ does not refuse a member that differs; it silently misdelivers (each member
 * filters and allocates by its own view), so the adapters refuse it instead. Immutable.
 */
public record GroupShape(Topic topic, Filter filter, DeliveryMode deliveryMode, Ordering ordering) {

  public static GroupShape of(SubscriptionSpec spec) {
    return new GroupShape(spec.topic(), spec.filter(), spec.deliveryMode(), spec.ordering());
  }

  /** The refusal of a member shaped {@code other} in {@code group}, which is shaped as this. */
  public IllegalStateException refusal(String group, GroupShape other) {
    return new IllegalStateException("consumer group '" + group + "' is subscribed as " + this
        + "; every member must subscribe the same way, but got " + other);
  }

  @Override
  public String toString() {
    return "topic '" + topic + "' with filter '" + FilterSyntax.of(filter) + "', " + deliveryMode + ", " + ordering;
  }
}
