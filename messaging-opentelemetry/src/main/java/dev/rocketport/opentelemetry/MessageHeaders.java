package dev.rocketport.opentelemetry;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ReceivedMessage;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.jspecify.annotations.Nullable;

/** W3C trace context ({@code traceparent}, {@code tracestate}) carried as message headers. Stateless. */
final class MessageHeaders {
  private MessageHeaders() {}

  static final TextMapSetter<Message.Builder> SETTER = (builder, key, value) -> {
    if (builder != null) {
      builder.header(key, value);
    }
  };

  static final TextMapGetter<ReceivedMessage> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(ReceivedMessage message) {
      return message.message().headers().keySet();
    }

    @Override
    public @Nullable String get(@Nullable ReceivedMessage message, String key) {
      return message == null ? null : message.message().headers().get(key);
    }
  };
}
