package dev.rocketport.inmemory;

import dev.rocketport.guice.MessagingPortsModule;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ProducerGroup;
import java.util.function.Supplier;

/**
 * Guice module wiring every port to the in-memory adapter. {@code new InMemoryMessagingModule()}
 * runs on the wall clock with RocketMQ's defaults; {@link #using(InMemoryMessaging)} binds a runtime
 * the test built itself (a virtual clock, say) so the test can drive time. Install it in place of
 * the RocketMQ module to swap adapters; nothing else changes.
 */
public final class InMemoryMessagingModule extends MessagingPortsModule {
  private final Supplier<InMemoryMessaging> runtime;

  public InMemoryMessagingModule() {
    this(InMemoryMessaging::wallClock);
  }

  private InMemoryMessagingModule(Supplier<InMemoryMessaging> runtime) {
    super(ProducerGroup.of("rocketport-transactions"));
    this.runtime = runtime;
  }

  /** Binds {@code messaging} (also as {@link InMemoryMessaging}, for tests that drive its clock). */
  public static InMemoryMessagingModule using(InMemoryMessaging messaging) {
    InvalidArgumentException.requireNonNull(messaging, "messaging");
    return new InMemoryMessagingModule(() -> messaging);
  }

  @Override
  protected Messaging createMessaging() {
    return runtime.get();
  }
}
