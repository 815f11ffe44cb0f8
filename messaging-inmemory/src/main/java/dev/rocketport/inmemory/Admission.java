package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.Broker;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import io.vavr.control.Option;

/**
 * The in-memory publishers' own admission rule, after the shared ones: the broker has the topic (as
 * a RocketMQ producer learns from the route). Stateless; thread-safe.
 */
final class Admission {
  private Admission() {}

  /** {@link PublishFailure.TopicNotFound} if the broker lacks {@code message}'s topic. */
  static Option<PublishFailure> topicExists(Broker broker, Message message) {
    return broker.topicExists(message.topic().name()) ? Option.none()
        : Option.some(new PublishFailure.TopicNotFound(message.topic()));
  }
}
