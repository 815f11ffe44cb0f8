package dev.rocketport.rocketmq;

import dev.rocketport.guice.MessagingPortsModule;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.rocketmq.config.RocketMqConfig;

/**
 * Guice module wiring every port to the RocketMQ adapter configured by a {@link RocketMqConfig}.
 * Clients start on first injection, not in {@code configure()}. Transactional publishers use
 * {@link RocketMqConfig#transactionGroup()}. Close through {@link dev.rocketport.guice.MessagingLifecycle}.
 */
public final class RocketMqMessagingModule extends MessagingPortsModule {
  private final RocketMqConfig config;

  public RocketMqMessagingModule(RocketMqConfig config) {
    super(ProducerGroup.of(InvalidArgumentException.requireNonNull(config, "config").transactionGroup()));
    this.config = config;
  }

  @Override
  protected Messaging createMessaging(Interceptors interceptors) {
    return RocketMqMessaging.start(config, interceptors);
  }
}
