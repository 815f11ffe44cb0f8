package dev.rocketport.opentelemetry;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.interception.PublishEvent;
import dev.rocketport.messaging.interception.PublishInterceptor;
import dev.rocketport.messaging.interception.PublishMode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vavr.control.Either;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link SpanKind#PRODUCER} span per publish, a child of the caller's current context (so a
 * handler's publishes continue the handled message's trace), named {@code send <topic>} with the
 * messaging semantic conventions' attributes; its context is written into the message as
 * {@code traceparent}/{@code tracestate} headers, replacing any the message had. The span ends when
 * the outcome is known (the asynchronous ones too), with the message id or the failure recorded.
 * Thread-safe.
 */
final class PublishTracing implements PublishInterceptor {
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  /** Span names by topic, made once each rather than on every publish. */
  private final Map<Topic, String> spanNames = new ConcurrentHashMap<>();
  /** Spans in flight, by the traceparent written into their message. */
  private final Map<String, Span> inFlight = new ConcurrentHashMap<>();

  PublishTracing(Tracer tracer, TextMapPropagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  @Override
  public Either<PublishFailure.Refused, Message> beforePublish(Message message, PublishMode mode) {
    String topic = message.topic().name();
    Span span = tracer.spanBuilder(spanNames.computeIfAbsent(message.topic(), t -> "send " + t.name()))
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute(Semconv.SYSTEM, Semconv.ROCKETMQ)
        .setAttribute(Semconv.DESTINATION, topic)
        .setAttribute(Semconv.OPERATION_TYPE, "send")
        .setAttribute(Semconv.OPERATION_NAME, "send")
        .setAttribute(Semconv.BODY_SIZE, (long) message.bodyLength())
        .setAttribute(Semconv.PUBLISH_MODE, Semconv.modeName(mode))
        .startSpan();
    message.tag().forEach(tag -> span.setAttribute(Semconv.TAG, tag.name()));
    Message.Builder builder = message.toBuilder();
    propagator.inject(Context.current().with(span), builder, MessageHeaders.SETTER);
    Message traced = builder.build();
    String traceparent = traced.headers().get(Semconv.TRACEPARENT);
    if (traceparent == null) {
      span.end();   // a propagator that writes no traceparent: nothing to correlate the outcome with
      return Either.right(traced);
    }
    inFlight.put(traceparent, span);
    return Either.right(traced);
  }

  @Override
  public void afterPublish(PublishEvent event) {
    String traceparent = event.message().headers().get(Semconv.TRACEPARENT);
    Span span = traceparent == null ? null : inFlight.remove(traceparent);
    if (span == null) {
      return;
    }
    event.receipt().forEach(receipt -> span.setAttribute(Semconv.MESSAGE_ID, receipt.messageId()));
    event.failure().forEach(failure -> {
      span.setStatus(StatusCode.ERROR, failure.description());
      span.setAttribute(Semconv.ERROR_TYPE, failure.getClass().getSimpleName());
    });
    span.end();
  }
}
