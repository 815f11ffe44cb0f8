package dev.rocketport.micrometer;

import com.google.inject.AbstractModule;
import dev.rocketport.guice.MessagingPortsModule;
import dev.rocketport.messaging.InvalidArgumentException;

/**
 * Installs {@link RocketportMetrics} into the runtime an adapter module creates: contributes its
 * handler middleware and publish interceptor to the multibinders, and binds the metrics object. Install
 * it next to the adapter's module; it does not poll backlog (call
 * {@link RocketportMetrics#pollBacklog} on the bound instance with the runtime's admin).
 */
public final class MicrometerMessagingModule extends AbstractModule {
  private final RocketportMetrics metrics;

  public MicrometerMessagingModule(io.micrometer.core.instrument.MeterRegistry registry) {
    this.metrics = RocketportMetrics.on(InvalidArgumentException.requireNonNull(registry, "registry"));
  }

  @Override
  protected void configure() {
    metrics.interceptors().handlerMiddleware()
        .forEach(m -> MessagingPortsModule.handlerMiddleware(binder()).addBinding().toInstance(m));
    metrics.interceptors().publishInterceptors()
        .forEach(i -> MessagingPortsModule.publishInterceptors(binder()).addBinding().toInstance(i));
    metrics.interceptors().circuitListeners()
        .forEach(l -> MessagingPortsModule.circuitListeners(binder()).addBinding().toInstance(l));
    bind(RocketportMetrics.class).toInstance(metrics);
  }
}
