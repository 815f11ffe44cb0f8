package dev.rocketport.rocketmq.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

/** The RocketMQ client's shaded SLF4J writes through the application's SLF4J, logger by logger. */
class ClientLogBridgeTest {

  @Test
  void theClientsLoggersAreTheApplicationsLoggers() {
    var clientLogger = org.apache.rocketmq.logging.org.slf4j.LoggerFactory.getLogger("RocketmqClient");
    ClientLogger bridged = assertInstanceOf(ClientLogger.class, clientLogger, "the only shaded provider is the bridge");
    org.slf4j.Logger application = org.slf4j.LoggerFactory.getLogger("RocketmqClient");
    assertEquals("RocketmqClient", bridged.getName());
    assertEquals(application.isWarnEnabled(), bridged.isWarnEnabled());
    assertEquals(application.isInfoEnabled(), bridged.isInfoEnabled(), "levels come from the application's backend");
    var rocketport = org.apache.rocketmq.logging.org.slf4j.LoggerFactory.getLogger("dev.rocketport.probe");
    assertEquals(org.slf4j.LoggerFactory.getLogger("dev.rocketport.probe").isInfoEnabled(), rocketport.isInfoEnabled());
  }
}
