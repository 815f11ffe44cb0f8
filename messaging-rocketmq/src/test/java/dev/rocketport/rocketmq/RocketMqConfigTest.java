package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RocketMqConfigTest {

  @Test
  void loadsFromProperties() {
    Properties p = new Properties();
    p.setProperty("rocketport.rocketmq.nameServer", "10.0.0.1:9876;10.0.0.2:9876");
    p.setProperty("rocketport.rocketmq.producerGroup", "orders-producer");
    p.setProperty("rocketport.rocketmq.sendTimeoutMs", "1500");
    p.setProperty("rocketport.rocketmq.accessKey", "ak");
    p.setProperty("rocketport.rocketmq.secretKey", "sk");
    p.setProperty("rocketport.rocketmq.namespace", "staging");
    RocketMqConfig config = RocketMqConfig.fromProperties(p);
    assertEquals("10.0.0.1:9876;10.0.0.2:9876", config.nameServer());
    assertEquals("orders-producer", config.producerGroup());
    assertEquals(Duration.ofMillis(1500), config.sendTimeout());
    assertEquals("ak", config.accessKey());
    assertEquals("staging", config.namespace());
  }

  @Test
  void loadsFromEnvironment() {
    RocketMqConfig config = RocketMqConfig.fromEnvironment(Map.of("ROCKETPORT_ROCKETMQ_NAME_SERVER", "mq:9876",
        "ROCKETPORT_ROCKETMQ_ASYNC_MAX_IN_FLIGHT", "64", "ROCKETPORT_ROCKETMQ_USE_TLS", "true"));
    assertEquals("mq:9876", config.nameServer());
    assertEquals(64, config.asyncMaxInFlight());
    assertEquals(true, config.useTls());
    assertEquals(false, RocketMqConfig.builder("mq:9876").build().useTls());
  }

  @Test
  void badConfigurationNamesTheField() {
    assertEquals("nameServer", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.builder("localhost").build()).field());
    assertEquals("nameServer", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.fromEnvironment(Map.of())).field());
    assertEquals("sendTimeout", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.builder("h:1").sendTimeout(Duration.ZERO).build()).field());
    assertEquals("secretKey", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.builder("h:1").credentials("ak", "").build()).field());
    assertEquals("producerGroup", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.builder("h:1").producerGroup("bad group").build()).field());
    assertEquals("sendTimeoutMs", assertThrows(InvalidArgumentException.class, () -> RocketMqConfig.fromEnvironment(
        Map.of("ROCKETPORT_ROCKETMQ_NAME_SERVER", "h:1", "ROCKETPORT_ROCKETMQ_SEND_TIMEOUT_MS", "soon"))).field());
    // 2^32 + 1 once wrapped around to 1 retry
    assertEquals("sendRetries", assertThrows(InvalidArgumentException.class, () -> RocketMqConfig.fromEnvironment(
        Map.of("ROCKETPORT_ROCKETMQ_NAME_SERVER", "h:1", "ROCKETPORT_ROCKETMQ_SEND_RETRIES", "4294967297"))).field());
    assertEquals("useTls", assertThrows(InvalidArgumentException.class, () -> RocketMqConfig.fromEnvironment(
        Map.of("ROCKETPORT_ROCKETMQ_NAME_SERVER", "h:1", "ROCKETPORT_ROCKETMQ_USE_TLS", "yes"))).field());
  }

  @Test
  void theBuildersSettersRefuseABadValueAtOnce() {
    RocketMqConfig.Builder builder = RocketMqConfig.builder("h:1");
    assertEquals("sendTimeout", assertThrows(InvalidArgumentException.class,
        () -> builder.sendTimeout(Duration.ZERO)).field());
    assertEquals("sendRetries", assertThrows(InvalidArgumentException.class, () -> builder.sendRetries(-1)).field());
    assertEquals("secretKey", assertThrows(InvalidArgumentException.class, () -> builder.credentials("ak", "")).field());
    assertEquals("namespace", assertThrows(InvalidArgumentException.class, () -> builder.namespace("a b")).field());
    assertEquals("retryLadder", assertThrows(InvalidArgumentException.class, () -> builder.retryLadder(null)).field());
    assertEquals("nameServer", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.builder("localhost")).field());
    assertEquals(Duration.ofSeconds(3), builder.build().sendTimeout(), "refused values left the builder as it was");
  }

  @Test
  void groupsFollowTheApiRules() {
    for (String reserved : new String[] {"%DLQ%p", "%RETRY%p", "DEFAULT_PRODUCER", "CLIENT_INNER_PRODUCER", "p".repeat(121)}) {
      assertEquals("producerGroup", assertThrows(InvalidArgumentException.class,
          () -> RocketMqConfig.builder("h:1").producerGroup(reserved).build()).field(), reserved);
      assertEquals("transactionGroup", assertThrows(InvalidArgumentException.class,
          () -> RocketMqConfig.builder("h:1").transactionGroup(reserved).build()).field(), reserved);
    }
  }

  @Test
  void nullSourcesAndOutOfRangeValuesAreRefusedNamingTheField() {
    assertEquals("properties", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.fromProperties(null)).field());
    assertEquals("env", assertThrows(InvalidArgumentException.class, () -> RocketMqConfig.fromEnvironment(null)).field());
    assertEquals("nameServer", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.builder("127.0.0.1:99999").build()).field());
    assertEquals("nameServer", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.builder("a:9876;127.0.0.1:0").build()).field());
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
    assertEquals("closeTimeout", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.builder("h:1").closeTimeout(forever).build()).field());
    assertEquals("sendTimeout", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.builder("h:1").sendTimeout(forever).build()).field());
    assertEquals("pollNameServerInterval", assertThrows(InvalidArgumentException.class,
        () -> RocketMqConfig.builder("h:1").pollNameServerInterval(Duration.ofDays(30)).build()).field());
    assertEquals(RocketMqConfig.MAX_DURATION,
        RocketMqConfig.builder("h:1").closeTimeout(RocketMqConfig.MAX_DURATION).build().closeTimeout());
  }
}
