package dev.rocketport.embedded;

/**
 * Points RocketMQ's shaded logback at Rocketport's quiet configuration (errors to the console,
 * nothing under the home directory) unless the application already chose one with
 * {@code -Drmq.logback.configurationFile}. Must run before any RocketMQ class logs.
 */
final class RocketMqLogging {
  private static final String PROPERTY = "rmq.logback.configurationFile";

  private RocketMqLogging() {}

  static void quiet() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "rocketport-embedded-logback.xml");
    }
    if (System.getProperty("rocketmq.client.logRoot") == null) {
      System.setProperty("rocketmq.client.logRoot", System.getProperty("java.io.tmpdir") + "/rocketport-logs");
    }
  }
}
