package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.health.Health;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The health check makes a real round trip: a name server nobody listens on is reported down, in time. */
class HealthCheckTest {

  @Test
  void anUnreachableNameServerIsDownWithinTheRequestTimeout() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    RocketMqConfig config = RocketMqConfig.builder("127.0.0.1:" + port).sendTimeout(Duration.ofSeconds(1)).build();
    try (RocketMqMessaging messaging = RocketMqMessaging.start(config)) {
      long start = System.nanoTime();
      Health health = messaging.healthCheck().check();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(Health.Status.DOWN, health.status(), health.toString());
      Health.Component nameServer = health.components().get(1);
      assertTrue(nameServer.name().contains("127.0.0.1:" + port), nameServer.name());
      assertEquals(Health.Status.DOWN, nameServer.status());
      assertTrue(nameServer.detail().startsWith("unreachable"), nameServer.detail());
      assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "answered in " + took);
    }
  }
}
