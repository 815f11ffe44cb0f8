package dev.rocketport.rocketmq.grpc;

import dev.rocketport.guice.MessagingPortsModule;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.rocketmq.grpc.config.GrpcConfig;

/**
 * Guice module wiring every port to the gRPC adapter configured by a {@link GrpcConfig}. Clients
 * start on first injection, not in {@code configure()}. Transactional publishers use
 * {@code transactionGroup}. Close through {@link dev.rocketport.guice.MessagingLifecycle}.
 */
public final class GrpcMessagingModule extends MessagingPortsModule {
  private final GrpcConfig config;

  /** With the producer group {@code rocketport-transactions} for transactional publishers. */
  public GrpcMessagingModule(GrpcConfig config) {
    this(config, ProducerGroup.of("rocketport-transactions"));
  }

  public GrpcMessagingModule(GrpcConfig config, ProducerGroup transactionGroup) {
    super(transactionGroup);
    this.config = InvalidArgumentException.requireNonNull(config, "config");
  }

  @Override
  protected Messaging createMessaging(Interceptors interceptors) {
    return GrpcMessaging.start(config, interceptors);
  }
}
