package dev.rocketport.bench;

import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.micrometer.RocketportMetrics;
import dev.rocketport.opentelemetry.RocketportTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.List;

/**
 * What a production runtime would install, for the bench's {@code observed} way: Micrometer meters
 * and OpenTelemetry tracing with every span sampled, batched and handed to the SDK's no-op exporter (no network),
 * so the cost measured is Rocketport's instrumentation and the SDK's, not an exporter's I/O.
 */
final class Observability implements AutoCloseable {
  private final RocketportMetrics metrics = RocketportMetrics.on(new SimpleMeterRegistry());
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(SpanExporter.composite(List.of())).build()).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();

  /** Tracing outermost, then metrics. */
  Interceptors interceptors() {
    return RocketportTracing.create(otel).interceptors().plus(metrics.interceptors());
  }

  @Override
  public void close() {
    metrics.close();
    otel.close();
  }
}
