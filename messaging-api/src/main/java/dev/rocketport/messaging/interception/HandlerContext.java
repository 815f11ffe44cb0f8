package dev.rocketport.messaging.interception;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.interception.HandlerContext;

/**
 * What {@link dev.rocketport.messaging.interception.HandlerMiddleware} knows of the subscription it runs in: the topic and consumer group,
 * how messages are delivered, and how many deliveries a message gets before it is dead-lettered
 * ({@link dev.rocketport.messaging.SubscriptionSpec#maxDeliveryAttempts()}). Immutable.
 */
public record HandlerContext(Topic topic, ConsumerGroup group, DeliveryMode deliveryMode, Ordering ordering,
    int maxDeliveryAttempts) {
  public HandlerContext {
    InvalidArgumentException.requireNonNull(topic, "topic");
    InvalidArgumentException.requireNonNull(group, "group");
    InvalidArgumentException.requireNonNull(deliveryMode, "deliveryMode");
    InvalidArgumentException.requireNonNull(ordering, "ordering");
    if (maxDeliveryAttempts < 1) {
      throw new InvalidArgumentException("maxDeliveryAttempts", "must be at least 1, was " + maxDeliveryAttempts);
    }
  }
}
