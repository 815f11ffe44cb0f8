package dev.rocketport.opentelemetry;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.interception.HandlerContext;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link SpanKind#CONSUMER} span per handler call, named {@code process <topic>}: for a single
 * message the child of the trace context its headers carry (from any producer that wrote a W3C
 * {@code traceparent}, a plain RocketMQ client included); for a batch a new trace linked to each
 * message's context. The span is current while the handler runs, so what it publishes is its child.
 * A handler that throws is recorded as an error; its verdict ({@code success}, {@code retry},
 * {@code reject}) as the attribute {@code rocketport.verdict}. Thread-safe.
 */
final class HandleTracing implements HandlerMiddleware {
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  /** Span names by topic, made once each rather than on every call. */
  private final Map<Topic, String> spanNames = new ConcurrentHashMap<>();

  HandleTracing(Tracer tracer, TextMapPropagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  @Override
  public HandlerResult handle(HandlerContext context, List<ReceivedMessage> messages, Next next) throws Exception {
    String topic = context.topic().name();
    SpanBuilder builder = tracer.spanBuilder(spanNames.computeIfAbsent(context.topic(), t -> "process " + t.name()))
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute(Semconv.SYSTEM, Semconv.ROCKETMQ)
        .setAttribute(Semconv.DESTINATION, topic)
        .setAttribute(Semconv.CONSUMER_GROUP, context.group().name())
        .setAttribute(Semconv.OPERATION_TYPE, "process")
        .setAttribute(Semconv.OPERATION_NAME, "process");
    if (messages.size() == 1) {
      ReceivedMessage message = messages.get(0);
      builder.setParent(propagator.extract(Context.root(), message, MessageHeaders.GETTER))
          .setAttribute(Semconv.MESSAGE_ID, message.messageId())
          .setAttribute(Semconv.DELIVERY_COUNT, (long) message.deliveryAttempt());
    } else {
      builder.setNoParent().setAttribute(Semconv.BATCH_COUNT, (long) messages.size());
      for (ReceivedMessage message : messages) {
        SpanContext linked = Span.fromContext(propagator.extract(Context.root(), message, MessageHeaders.GETTER))
            .getSpanContext();
        if (linked.isValid()) {
          builder.addLink(linked);
        }
      }
    }
    Span span = builder.startSpan();
    try (Scope ignored = span.makeCurrent()) {
      HandlerResult result = next.handle(messages);
      span.setAttribute(Semconv.VERDICT, result.verdict());
      return result;
    } catch (Exception | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
      span.setAttribute(Semconv.ERROR_TYPE, e.getClass().getName());
      throw e;
    } finally {
      span.end();
    }
  }
}
