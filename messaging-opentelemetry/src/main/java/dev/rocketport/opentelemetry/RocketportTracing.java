package dev.rocketport.opentelemetry;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.interception.Interceptors;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * OpenTelemetry tracing for any adapter: a producer span per publish whose W3C context travels as
 * the {@code traceparent}/{@code tracestate} headers (RocketMQ user properties, so plain RocketMQ
 * clients see and send the same), and a consumer span per handler call continuing it. Spans follow
 * the messaging semantic conventions ({@code messaging.system=rocketmq},
 * {@code messaging.destination.name}, {@code messaging.consumer.group.name},
 * {@code messaging.message.id}, {@code messaging.operation.type} {@code send}/{@code process}).
 *
 * <pre>{@code
 * Interceptors tracing = RocketportTracing.create(openTelemetry).interceptors();
 * Messaging messaging = RocketMqMessaging.start(config, tracing);
 * }</pre>
 *
 * Install it outermost among the interceptors so that every other one runs inside its spans.
 * Immutable; thread-safe.
 */
public final class RocketportTracing {
  /** The instrumentation scope name of the tracer. */
  public static final String INSTRUMENTATION = "dev.rocketport.messaging";

  private final Interceptors interceptors;

  private RocketportTracing(Tracer tracer, TextMapPropagator propagator) {
    this.interceptors = Interceptors.builder().handler(new HandleTracing(tracer, propagator))
        .publish(new PublishTracing(tracer, propagator)).build();
  }

  /** Tracing with {@code openTelemetry}'s tracer provider and text-map propagator (W3C by default in the SDK). */
  public static RocketportTracing create(OpenTelemetry openTelemetry) {
    InvalidArgumentException.requireNonNull(openTelemetry, "openTelemetry");
    return new RocketportTracing(openTelemetry.getTracer(INSTRUMENTATION),
        openTelemetry.getPropagators().getTextMapPropagator());
  }

  public Interceptors interceptors() {
    return interceptors;
  }
}
