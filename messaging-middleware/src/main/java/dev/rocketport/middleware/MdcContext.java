package dev.rocketport.middleware;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.interception.HandlerContext;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import java.util.List;
import org.slf4j.MDC;

/**
 * Puts the handled message in SLF4J's MDC while its handler runs, so every log line the handler
 * writes names it: {@code messageId}, {@code topic}, {@code group}, {@code attempt}, and
 * {@code traceId} when the message carries a W3C {@code traceparent} header. A batch puts the first
 * message's values and {@code batchSize}. The previous MDC values are restored afterwards.
 * Stateless; thread-safe.
 */
public final class MdcContext implements HandlerMiddleware {
  public static final List<String> KEYS = List.of("messageId", "topic", "group", "attempt", "traceId", "batchSize");

  @Override
  public HandlerResult handle(HandlerContext context, List<ReceivedMessage> messages, Next next) throws Exception {
    ReceivedMessage first = messages.get(0);
    java.util.Map<String, String> previous = MDC.getCopyOfContextMap();
    MDC.put("messageId", first.messageId());
    MDC.put("topic", first.topic().name());
    MDC.put("group", context.group().name());
    MDC.put("attempt", Integer.toString(first.deliveryAttempt()));
    first.header("traceparent").flatMap(MdcContext::traceId).forEach(id -> MDC.put("traceId", id));
    if (messages.size() > 1) {
      MDC.put("batchSize", Integer.toString(messages.size()));
    }
    try {
      return next.handle(messages);
    } finally {
      KEYS.forEach(MDC::remove);
      if (previous != null) {
        previous.forEach(MDC::put);
      }
    }
  }

  /** The trace id of a {@code version-traceid-parentid-flags} traceparent, if well formed. */
  static io.vavr.control.Option<String> traceId(String traceparent) {
    String[] parts = traceparent.split("-");
    return parts.length == 4 && parts[1].length() == 32 ? io.vavr.control.Option.some(parts[1])
        : io.vavr.control.Option.none();
  }
}
