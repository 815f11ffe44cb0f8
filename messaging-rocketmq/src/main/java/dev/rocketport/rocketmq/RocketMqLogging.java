package dev.rocketport.rocketmq;

/**
 * Points RocketMQ's shaded logback at Rocketport's quiet configuration (errors to the console,
 * nothing under the home directory) unless the application already chose one with
 * {@code -Drmq.logback.configurationFile}. Runs before any client is created.
 */
final class RocketMqLogging {
  private static final String PROPERTY = "rmq.logback.configurationFile";

  private RocketMqLogging() {}

  static void quiet() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "rocketport-rocketmq-logback.xml");
    }
  }
}
