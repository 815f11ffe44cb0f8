package dev.rocketport.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** Meters and spans are wired by the presence of a MeterRegistry and an OpenTelemetry bean, and not without them. */
class ObservabilityTest {
  private static final List<String> IN_MEMORY = List.of("rocketport.adapter=inmemory", "rocketport.topics[0].name=orders");

  /** A registry and an OpenTelemetry SDK whose spans the test reads. */
  static class Observed {
    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean(destroyMethod = "close")
    OpenTelemetrySdk openTelemetry() {
      return OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
          .build();
    }
  }

  @Test
  void aRegistryAndOpenTelemetryBringMetersAndSpans() {
    Observed.SPANS.reset();
    try (ConfigurableApplicationContext context = Contexts.start(IN_MEMORY, Observed.class)) {
      context.getBean(Publisher.class).send(Message.of(Topic.of("orders"), "observed")).get();
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertEquals(1, (long) registry.get("rocketport.publish").timer().count());
      assertTrue(Observed.SPANS.getFinishedSpanItems().stream().anyMatch(s -> s.getName().contains("orders")),
          () -> "a producer span for orders: " + Observed.SPANS.getFinishedSpanItems());
    }
  }

  @Test
  void withoutThemNothingIsWired() {
    try (ConfigurableApplicationContext context = Contexts.start(IN_MEMORY)) {
      assertTrue(context.getBeansOfType(MeterRegistry.class).isEmpty());
      assertTrue(context.getBeansOfType(OpenTelemetry.class).isEmpty());
      assertTrue(context.getBeanNamesForType(InterceptorsContribution.class).length == 0);
      assertTrue(context.getBean(Publisher.class).send(Message.of(Topic.of("orders"), "plain")).isRight());
    }
  }
}
