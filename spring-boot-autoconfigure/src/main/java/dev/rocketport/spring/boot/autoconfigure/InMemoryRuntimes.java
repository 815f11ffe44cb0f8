package dev.rocketport.spring.boot.autoconfigure;

import dev.rocketport.inmemory.InMemoryBroker;
import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.interception.Interceptors;

/**
 * Starts the in-memory adapter: a runtime connected to the context's {@link InMemoryBroker} bean,
 * which tests reach to drive a virtual clock. Loaded only when the adapter is on the class path and
 * chosen. Stateless.
 */
final class InMemoryRuntimes {
  static final String DEFAULT_TRANSACTION_GROUP = "rocketport-transactions";

  private InMemoryRuntimes() {}

  static InMemoryBroker broker(RocketportProperties properties) {
    return properties.getInmemory().getClock() == RocketportProperties.InMemory.Clock.VIRTUAL
        ? InMemoryBroker.virtualClock() : InMemoryBroker.wallClock();
  }

  static Messaging start(InMemoryBroker broker, Interceptors interceptors) {
    return InMemoryMessaging.connect(broker, interceptors);
  }
}
