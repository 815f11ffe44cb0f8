package dev.rocketport.spring.boot.autoconfigure;

import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.MessagingAdmin;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Creates the topics of {@code rocketport.topics} when the context starts, before any listener
 * subscribes: an existing topic is left as it is. A topic that cannot be created fails startup,
 * naming the property and the broker's answer. Runs once; thread-safe as beans are initialized.
 */
final class TopicCreation implements InitializingBean {
  private final List<RocketportProperties.TopicSpec> topics;
  private final MessagingAdmin admin;

  TopicCreation(List<RocketportProperties.TopicSpec> topics, MessagingAdmin admin) {
    this.topics = topics;
    this.admin = admin;
  }

  @Override
  public void afterPropertiesSet() {
    for (int i = 0; i < topics.size(); i++) {
      RocketportProperties.TopicSpec spec = topics.get(i);
      String property = "rocketport.topics[" + i + "]";
      String name = spec.getName();
      if (name == null || name.isBlank()) {
        throw new InvalidConfigurationPropertyValueException(property + ".name", name, "a topic needs a name");
      }
      Topic topic;
      try {
        topic = Topic.of(name);
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigurationPropertyValueException(property + ".name", name, e.getMessage());
      }
      var created = admin.createTopic(topic, spec.getQueues());
      if (created.isLeft()) {
        AdminFailure failure = created.getLeft();
        String field = failure instanceof AdminFailure.InvalidRequest ? ".queues" : ".name";
        throw new InvalidConfigurationPropertyValueException(property + field, field.equals(".queues")
            ? spec.getQueues() : name, "the topic could not be created: " + failure.description());
      }
    }
  }
}
