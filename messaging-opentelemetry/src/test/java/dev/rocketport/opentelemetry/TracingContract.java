package dev.rocketport.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.tck.AdapterFixture;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Producer and consumer spans and their parentage, on any adapter: each adapter's test supplies its conformance fixture. */
abstract class TracingContract {
  protected final InMemorySpanExporter spans = InMemorySpanExporter.create();
  protected final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();

  protected AdapterFixture fixture;

  abstract AdapterFixture newFixture();

  @BeforeEach
  void openFixture() {
    fixture = newFixture();
  }

  @AfterEach
  void close() {
    fixture.close();
    otel.close();
  }

  protected void await(String what, BooleanSupplier condition) {
    assertTrue(fixture.awaitUntil(condition, Duration.ofSeconds(60)), "timed out waiting for " + what);
  }

  protected SpanData span(String name) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow(
        () -> new AssertionError("no span " + name + " among " + spans.getFinishedSpanItems()));
  }

  protected boolean ended(String name, int count) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).count() >= count;
  }

  @Test
  void publishHandleAndPublishFromAHandlerFormOneTrace() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    try (Messaging messaging = fixture.newMessaging(RocketportTracing.create(otel).interceptors())) {
      Topic orders = messaging.admin().createTopic(Topic.of("traced-orders-" + run), 2).get();
      Topic invoices = messaging.admin().createTopic(Topic.of("traced-invoices-" + run), 2).get();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(orders, ConsumerGroup.of("billing-" + run)).build(),
          m -> {
            messaging.publisher().send(Message.of(invoices, "invoice"));
            return HandlerResult.success();
          });
      messaging.subscriber().subscribe(SubscriptionSpec.builder(invoices, ConsumerGroup.of("mailer-" + run)).build(),
          m -> HandlerResult.success());
      Span request = otel.getTracer("test").spanBuilder("request").startSpan();
      String orderId;
      try (Scope ignored = request.makeCurrent()) {
        orderId = messaging.publisher().send(Message.of(orders, "order")).get().messageId();
      } finally {
        request.end();
      }
      await("both messages processed", () -> ended("process " + invoices.name(), 1));

      SpanData sendOrder = span("send " + orders.name());
      SpanData processOrder = span("process " + orders.name());
      SpanData sendInvoice = span("send " + invoices.name());
      SpanData processInvoice = span("process " + invoices.name());
      String trace = request.getSpanContext().getTraceId();
      for (SpanData s : List.of(sendOrder, processOrder, sendInvoice, processInvoice)) {
        assertEquals(trace, s.getTraceId(), s.getName() + " is in the request's trace");
        assertEquals("rocketmq", s.getAttributes().get(AttributeKey.stringKey("messaging.system")));
      }
      assertEquals(request.getSpanContext().getSpanId(), sendOrder.getParentSpanId());
      assertEquals(sendOrder.getSpanId(), processOrder.getParentSpanId(), "publish → handle");
      assertEquals(processOrder.getSpanId(), sendInvoice.getParentSpanId(), "handle → publish");
      assertEquals(sendInvoice.getSpanId(), processInvoice.getParentSpanId());
      assertEquals(SpanKind.PRODUCER, sendOrder.getKind());
      assertEquals(SpanKind.CONSUMER, processOrder.getKind());
      assertEquals(orderId, sendOrder.getAttributes().get(AttributeKey.stringKey("messaging.message.id")));
      assertEquals(orderId, processOrder.getAttributes().get(AttributeKey.stringKey("messaging.message.id")));
      assertEquals(orders.name(), processOrder.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")));
      assertEquals("billing-" + run,
          processOrder.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")));
      assertEquals("process", processOrder.getAttributes().get(AttributeKey.stringKey("messaging.operation.type")));
    }
  }

  @Test
  void aHandlerThatThrowsIsAnErrorSpanAndAFailedPublishAnErrorToo() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    AtomicInteger calls = new AtomicInteger();
    try (Messaging messaging = fixture.newMessaging(RocketportTracing.create(otel).interceptors())) {
      Topic topic = messaging.admin().createTopic(Topic.of("traced-errors-" + run), 1).get();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("flaky-" + run)).build(), m -> {
        if (calls.incrementAndGet() == 1) {
          throw new IllegalStateException("first attempt fails");
        }
        return HandlerResult.success();
      });
      messaging.publisher().send(Message.of(topic, "retried"));
      await("the retry processed", () -> ended("process " + topic.name(), 2));
      List<SpanData> processed = spans.getFinishedSpanItems().stream()
          .filter(s -> s.getName().equals("process " + topic.name())).toList();
      assertEquals(StatusCode.ERROR, processed.get(0).getStatus().getStatusCode());
      assertEquals(1, processed.get(0).getEvents().size(), "the exception is recorded");
      assertEquals(StatusCode.UNSET, processed.get(1).getStatus().getStatusCode());
      assertEquals(processed.get(0).getParentSpanId(), processed.get(1).getParentSpanId(),
          "both attempts continue the same publish");
      Topic missing = Topic.of("traced-missing-" + run);
      assertTrue(messaging.publisher().send(Message.of(missing, "nowhere")).isLeft());
      SpanData failed = span("send " + missing.name());
      assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
      assertEquals("TopicNotFound", failed.getAttributes().get(AttributeKey.stringKey("error.type")));
    }
  }
}
