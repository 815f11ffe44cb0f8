package dev.rocketport.rocketmq.grpc.client;

import dev.rocketport.messaging.health.Health;
import java.time.Duration;
import org.apache.rocketmq.client.apis.producer.Producer;

/**
 * A real round trip to the proxy for health checks. The client has no ping, so the probe asks the
 * proxy to store a one-byte message in RocketMQ's system topic {@value #PROBE_TOPIC}, which every
 * proxy refuses to accept from clients: a refusal proves the proxy answered, and nothing is stored.
 * No answer within the request timeout means it is down. Thread-safe.
 */
public final class ProxyProbe {
  /** RocketMQ's topic template for auto-created topics: a system topic, closed to clients. */
  static final String PROBE_TOPIC = "TBW102";

  private final Producer producer;
  private final GrpcMessages messages;
  private final Duration timeout;

  public ProxyProbe(Producer producer, GrpcMessages messages, Duration timeout) {
    this.producer = producer;
    this.messages = messages;
    this.timeout = timeout;
  }

  public Health.Component check(String name) {
    try {
      producer.send(messages.probe(PROBE_TOPIC));
      return new Health.Component(name, Health.Status.UP, "answered (the probe was accepted)");
    } catch (Exception e) {
      Throwable cause = SendFailures.unwrap(e);
      return SendFailures.answered(e) ? new Health.Component(name, Health.Status.UP, "answered")
          : new Health.Component(name, Health.Status.DOWN, "no answer within " + timeout + ": "
              + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
  }
}
