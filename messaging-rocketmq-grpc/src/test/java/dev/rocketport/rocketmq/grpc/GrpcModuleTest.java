package dev.rocketport.rocketmq.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.rocketport.guice.MessagingLifecycle;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.MessagingAdmin;
import org.junit.jupiter.api.Test;

/** The gRPC adapter wired by Guice, as the other adapters are: swapping is the module. */
class GrpcModuleTest {

  @Test
  void aNullConfigIsAnInvalidArgumentNamingIt() {
    assertEquals("config", assertThrows(InvalidArgumentException.class, () -> new GrpcMessagingModule(null)).field());
  }

  @Test
  void theModuleWiresEveryPortToTheProxy() {
    Injector injector = Guice.createInjector(new GrpcMessagingModule(ProxyNode.config().build()));
    try (MessagingLifecycle lifecycle = injector.getInstance(MessagingLifecycle.class)) {
      Topic topic = Topic.of("guice-grpc-" + System.nanoTime());
      injector.getInstance(MessagingAdmin.class).createTopic(topic, 2).get();
      assertTrue(injector.getInstance(Publisher.class).send(Message.of(topic, "wired")).isRight());
      assertTrue(lifecycle.messaging() instanceof GrpcMessaging);
    }
  }
}
