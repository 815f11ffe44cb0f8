package dev.rocketport.middleware;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.interception.HandlerContext;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.interception.PublishInterceptor;
import dev.rocketport.messaging.interception.PublishMode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * Carries correlation and causation ids from a handled message to what its handler publishes: while
 * a handler runs on a message, every message it publishes (from that thread) gets
 * {@value #CORRELATION_ID} — the handled message's own correlation id, or its message id if it had
 * none — and {@value #CAUSATION_ID}, the handled message's id. Headers the publisher set itself are
 * kept. Batch handlers (more than one message) set no context. Use {@link #interceptors()}; stateless
 * apart from the per-thread context; thread-safe.
 */
public final class CorrelationIds {
  public static final String CORRELATION_ID = "correlation-id";
  public static final String CAUSATION_ID = "causation-id";

  /** The ids of the message the current thread is handling. */
  public record Context(String correlationId, String causationId) {}

  private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

  private CorrelationIds() {}

  /** The middleware and the interceptor, to install together. */
  public static Interceptors interceptors() {
    return Interceptors.builder().handler(CorrelationIds::aroundHandler).publish(new Stamp()).build();
  }

  /** The context of the message the calling thread is handling, if any. */
  public static Option<Context> current() {
    return Option.of(CURRENT.get());
  }

  private static HandlerResult aroundHandler(HandlerContext context, List<ReceivedMessage> messages,
      HandlerMiddleware.Next next) throws Exception {
    if (messages.size() != 1) {
      return next.handle(messages);
    }
    ReceivedMessage handled = messages.get(0);
    Context previous = CURRENT.get();
    CURRENT.set(new Context(handled.header(CORRELATION_ID).getOrElse(handled.messageId()), handled.messageId()));
    try {
      return next.handle(messages);
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Adds the current context's ids to outgoing messages that lack them. */
  private static final class Stamp implements PublishInterceptor {
    @Override
    public Either<PublishFailure.Refused, Message> beforePublish(Message message, PublishMode mode) {
      Context context = CURRENT.get();
      if (context == null) {
        return Either.right(message);
      }
      Message.Builder builder = message.toBuilder();
      if (!message.headers().containsKey(CORRELATION_ID)) {
        builder.header(CORRELATION_ID, context.correlationId());
      }
      if (!message.headers().containsKey(CAUSATION_ID)) {
        builder.header(CAUSATION_ID, context.causationId());
      }
      return Either.right(builder.build());
    }
  }
}
