package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.guice.MessagingLifecycle;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.MessagingAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RocketMqModuleTest {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  @Test
  void aNullConfigIsAnInvalidArgumentNamingIt() {
    assertEquals("config", assertThrows(dev.rocketport.messaging.InvalidArgumentException.class,
        () -> new RocketMqMessagingModule(null)).field());
  }

  @Test
  void theModuleWiresEveryPortToTheBroker() {
    Injector injector = Guice.createInjector(new RocketMqMessagingModule(RocketMqFixture.config(ROCKETMQ.broker())));
    try (MessagingLifecycle lifecycle = injector.getInstance(MessagingLifecycle.class)) {
      Topic topic = Topic.of("guice-" + System.nanoTime());
      injector.getInstance(MessagingAdmin.class).createTopic(topic, 2).get();
      assertTrue(injector.getInstance(Publisher.class).send(Message.of(topic, "wired")).isRight());
      assertTrue(lifecycle.messaging() instanceof RocketMqMessaging);
    }
  }
}
