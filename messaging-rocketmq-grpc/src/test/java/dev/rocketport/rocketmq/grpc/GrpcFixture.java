package dev.rocketport.rocketmq.grpc;

import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The gRPC adapter under the conformance suite, against the shared {@link ProxyNode}: wall-clock
 * time, conditions polled with deadlines, delay precision of one second (RocketMQ's timer precision).
 */
final class GrpcFixture implements AdapterFixture {

  @Override
  public Messaging newMessaging(Interceptors interceptors) {
    return GrpcMessaging.start(ProxyNode.config().build(), interceptors);
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
    // the node is shared by the JVM and killed when it ends
  }
}
