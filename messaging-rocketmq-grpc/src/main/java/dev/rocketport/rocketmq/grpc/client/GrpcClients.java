package dev.rocketport.rocketmq.grpc.client;

import dev.rocketport.rocketmq.grpc.config.GrpcConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientConfigurationBuilder;
import org.apache.rocketmq.client.apis.ClientException;
import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.apache.rocketmq.client.apis.StaticSessionCredentialsProvider;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.SimpleConsumer;
import org.apache.rocketmq.client.apis.message.MessageBuilder;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.TransactionChecker;

/**
 * Builds {@code rocketmq-client-java}'s clients for one {@link GrpcConfig}: the proxy endpoints,
 * TLS, namespace and credentials they share, and the request timeout. Stateless beyond the
 * configuration; thread-safe.
 */
public final class GrpcClients {
  private final GrpcConfig config;
  private final ClientServiceProvider provider = ClientServiceProvider.loadService();
  private final ClientConfiguration configuration;

  public GrpcClients(GrpcConfig config) {
    this.config = config;
    ClientConfigurationBuilder builder = ClientConfiguration.newBuilder().setEndpoints(config.endpoints())
        .enableSsl(config.tls()).setRequestTimeout(config.requestTimeout()).setNamespace(config.namespace())
        // one attempt: a proxy that is down fails the start at once, within the request timeout
        .setMaxStartupAttempts(1);
    if (!config.accessKey().isEmpty()) {
      builder.setCredentialProvider(new StaticSessionCredentialsProvider(config.accessKey(), config.secretKey()));
    }
    this.configuration = builder.build();
  }

  public GrpcConfig config() {
    return config;
  }

  public MessageBuilder messageBuilder() {
    return provider.newMessageBuilder();
  }

  /** A producer; one attempt per send, so an outcome the client does not know stays the caller's to classify. */
  public Producer producer() throws ClientException {
    return provider.newProducerBuilder().setClientConfiguration(configuration).setMaxAttempts(1).build();
  }

  /**
   * A transactional producer for {@code topic} whose half messages are checked back through
   * {@code checker}: the proxy sends a topic's check-backs only to producers that declared the topic
   * when they started.
   */
  public Producer transactionalProducer(String topic, TransactionChecker checker) throws ClientException {
    return provider.newProducerBuilder().setClientConfiguration(configuration).setMaxAttempts(1).setTopics(topic)
        .setTransactionChecker(checker).build();
  }

  /** A simple consumer of {@code group} on {@code topic}, long-polling for up to the configured receive wait. */
  public SimpleConsumer simpleConsumer(String group, String topic, FilterExpression filter) throws ClientException {
    return provider.newSimpleConsumerBuilder().setClientConfiguration(configuration).setConsumerGroup(group)
        .setAwaitDuration(config.receiveWait()).setSubscriptionExpressions(Map.of(topic, filter)).build();
  }

  /** How long a receive may take in all: the long poll plus one request. */
  public Duration receiveTimeout() {
    return config.receiveWait().plus(config.requestTimeout());
  }
}
