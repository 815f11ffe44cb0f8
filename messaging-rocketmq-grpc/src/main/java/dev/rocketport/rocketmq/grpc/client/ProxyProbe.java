package dev.rocketport.rocketmq.grpc.client;

import dev.rocketport.messaging.health.Health;
import java.io.IOException;
import java.time.Duration;
import org.apache.rocketmq.client.apis.ClientException;
import org.apache.rocketmq.client.apis.producer.Producer;

/**
 * A real round trip to the proxy for health checks. The client has no ping, so the probe asks the
 * proxy to store a one-byte message in RocketMQ's system topic {@value #PROBE_TOPIC}, which every
 * proxy refuses to accept from clients: a refusal proves the proxy answered, and nothing is stored.
 * No answer within the request timeout means it is down. The probe has a producer of its own: the
 * client keeps asking for a topic's route once it has sent to it, and a failing topic must not
 * disturb the runtime's sends. Thread-safe; {@link #close()} shuts its producer down.
 */
public final class ProxyProbe implements AutoCloseable {
  /** RocketMQ's topic template for auto-created topics: a system topic, closed to clients. */
  static final String PROBE_TOPIC = "TBW102";

  private final Producer producer;
  private final GrpcMessages messages;
  private final Duration timeout;

  public ProxyProbe(GrpcClients clients, GrpcMessages messages) throws ClientException {
    this.producer = clients.producer();
    this.messages = messages;
    this.timeout = clients.config().requestTimeout();
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

  @Override
  public void close() {
    try {
      producer.close();
    } catch (IOException e) {
      // the probe's producer holds nothing worth a report
    }
  }
}
