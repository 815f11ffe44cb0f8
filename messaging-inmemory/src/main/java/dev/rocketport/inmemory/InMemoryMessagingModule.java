package dev.rocketport.inmemory;

import dev.rocketport.guice.MessagingPortsModule;
import dev.rocketport.inmemory.broker.InMemoryConfig;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.interception.Interceptors;
import java.util.function.Function;

/**
 * Guice module wiring every port to the in-memory adapter. {@code new InMemoryMessagingModule()}
 * runs on the wall clock with RocketMQ's defaults; {@link #using(InMemoryMessaging)} binds a runtime
 * the test built itself (a virtual clock, say) so the test can drive time. Install it in place of
 * the RocketMQ module to swap adapters; nothing else changes. Middleware bound through
 * {@link dev.rocketport.guice.MessagingPortsModule#handlerMiddleware} applies to the runtime the module
 * creates; a runtime given to {@link #using} must have been built with it (else injection fails).
 */
public final class InMemoryMessagingModule extends MessagingPortsModule {
  private final Function<Interceptors, InMemoryMessaging> runtime;

  public InMemoryMessagingModule() {
    this(interceptors -> InMemoryMessaging.wallClock(InMemoryConfig.defaults(), interceptors));
  }

  private InMemoryMessagingModule(Function<Interceptors, InMemoryMessaging> runtime) {
    super(ProducerGroup.of("rocketport-transactions"));
    this.runtime = runtime;
  }

  /** Binds {@code messaging} (also as {@link InMemoryMessaging}, for tests that drive its clock). */
  public static InMemoryMessagingModule using(InMemoryMessaging messaging) {
    InvalidArgumentException.requireNonNull(messaging, "messaging");
    return new InMemoryMessagingModule(interceptors -> {
      if (!interceptors.equals(Interceptors.none())) {
        throw new IllegalStateException("middleware was bound, but the in-memory runtime given to "
            + "InMemoryMessagingModule.using(...) was built without it: build it with those Interceptors instead");
      }
      return messaging;
    });
  }

  @Override
  protected Messaging createMessaging(Interceptors interceptors) {
    return runtime.apply(interceptors);
  }
}
