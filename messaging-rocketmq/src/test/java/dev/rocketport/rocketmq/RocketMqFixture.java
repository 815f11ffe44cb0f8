package dev.rocketport.rocketmq;

import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The RocketMQ adapter under the conformance suite, against the embedded broker: wall-clock time,
 * conditions polled with deadlines, delay precision of one second (RocketMQ's timer precision).
 */
public final class RocketMqFixture implements AdapterFixture {
  static {
    System.setProperty("rocketmq.client.localOffsetStoreDir",
        System.getProperty("java.io.tmpdir") + "/rocketport-offsets-" + ProcessHandle.current().pid());
  }

  private final EmbeddedRocketMq broker;

  public RocketMqFixture(EmbeddedRocketMq broker) {
    this.broker = broker;
  }

  static RocketMqConfig config(EmbeddedRocketMq broker) {
    return RocketMqConfig.builder(broker.nameServerAddress())
        .retryLadder(RetryLadder.of(broker.settings().delayLevels()))
        .pollNameServerInterval(Duration.ofSeconds(1))
        .sendTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Override
  public Messaging newMessaging(Interceptors interceptors) {
    return RocketMqMessaging.start(config(broker), interceptors);
  }

  @Override
  public Instant now() {
    return Waiting.wallClock().now();
  }

  @Override
  public boolean awaitUntil(BooleanSupplier condition, Duration budget) {
    return Waiting.wallClock().awaitUntil(condition, budget);
  }

  @Override
  public boolean holdsFor(BooleanSupplier invariant, Duration window) {
    return Waiting.wallClock().holdsFor(invariant, window);
  }

  @Override
  public Duration timingTolerance() {
    return Duration.ofSeconds(1);
  }

  @Override
  public Duration quietWindow() {
    return Duration.ofSeconds(2);
  }

  @Override
  public void close() {
    // the broker is shared by the JVM and closed by the extension
  }
}
