package dev.rocketport.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import dev.rocketport.guice.MessagingLifecycle;
import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.inmemory.InMemoryMessagingModule;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.MessagingAdmin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MicrometerModuleTest {

  @Test
  void installingTheModuleMetersTheRuntimeTheAdapterModuleCreates() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Injector injector = Guice.createInjector(new InMemoryMessagingModule(), new MicrometerMessagingModule(registry));
    try {
      Topic topic = injector.getInstance(MessagingAdmin.class).createTopic(Topic.of("guiced"), 1).get();
      assertTrue(injector.getInstance(Publisher.class).send(Message.of(topic, "metered")).isRight());
      assertEquals(1, registry.find(PublishMetrics.PUBLISH).tags("topic", "guiced", "outcome", "success").timer()
          .count());
      assertTrue(injector.getInstance(RocketportMetrics.class) != null);
    } finally {
      injector.getInstance(MessagingLifecycle.class).close();
    }
  }

  @Test
  void aPrebuiltRuntimeCannotSilentlyMissTheBoundMiddleware() {
    try (InMemoryMessaging prebuilt = InMemoryMessaging.virtualClock()) {
      Injector injector = Guice.createInjector(InMemoryMessagingModule.using(prebuilt),
          new MicrometerMessagingModule(new SimpleMeterRegistry()));
      ProvisionException e = assertThrows(ProvisionException.class, () -> injector.getInstance(Publisher.class));
      assertTrue(e.getMessage().contains("built without it"), e.getMessage());
    }
  }
}
