package dev.rocketport.rocketmq.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.UnsupportedFeatureException;
import dev.rocketport.messaging.health.Health;
import dev.rocketport.rocketmq.grpc.config.GrpcConfig;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The gRPC adapter given only a proxy endpoint: it declares no admin functions and refuses them;
 * a proxy that is not there fails the start within the request timeout; bad configuration is refused
 * naming the field.
 */
class ProxyOnlyTest {

  @Test
  void withoutANameServerTheAdminFunctionsAreRefused() {
    try (GrpcMessaging messaging = GrpcMessaging.start(GrpcConfig.builder(ProxyNode.get().proxyEndpoint()).build())) {
      assertFalse(messaging.capabilities().supports(Feature.ADMIN));
      var refused = assertThrows(UnsupportedFeatureException.class,
          () -> messaging.admin().createTopic(Topic.of("never-created"), 4));
      assertEquals(Feature.ADMIN, refused.feature());
      assertEquals(Health.Status.UP, messaging.healthCheck().check().status(), "the proxy answers the probe");
    }
  }

  @Test
  void aProxyThatIsNotThereFailsTheStartWithinTheTimeout() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    long started = System.nanoTime();
    var e = assertThrows(IllegalStateException.class, () -> GrpcMessaging.start(
        GrpcConfig.builder("127.0.0.1:" + port).requestTimeout(Duration.ofSeconds(2)).build()));
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(30)) < 0);
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertTrue(t.getClass().getName().startsWith("java."), "no client type escapes: " + t.getClass());
    }
  }

  @Test
  void badConfigurationNamesTheField() {
    assertEquals("endpoints", assertThrows(InvalidArgumentException.class, () -> GrpcConfig.builder("nohost").build())
        .field());
    assertEquals("requestTimeout", assertThrows(InvalidArgumentException.class,
        () -> GrpcConfig.builder("127.0.0.1:8081").requestTimeout(Duration.ZERO).build()).field());
    assertEquals("secretKey", assertThrows(InvalidArgumentException.class,
        () -> GrpcConfig.builder("127.0.0.1:8081").credentials("ak", "").build()).field());
    assertEquals("receiveWait", assertThrows(InvalidArgumentException.class, () -> GrpcConfig.builder("127.0.0.1:8081")
        .receiveWait(Duration.ofSeconds(2)).build()).field());
  }
}
