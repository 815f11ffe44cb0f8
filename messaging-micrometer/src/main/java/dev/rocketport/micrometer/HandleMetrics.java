package dev.rocketport.micrometer;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.interception.HandlerContext;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Meters every handler call: the timer {@value #HANDLE} (tags {@code topic}, {@code group},
 * {@code verdict}: {@code success}, {@code reply}, {@code retry}, {@code reject}, or {@code error} when
 * the handler threw), and per message of a clustering subscription that failed (retry, reject,
 * error) the counter {@value #RETRIES} — or {@value #DEAD_LETTERS} when the message is parked:
 * rejected, or failed on its last delivery attempt. (Broadcasting drops failed messages: neither counts.) Thread-safe.
 */
final class HandleMetrics implements HandlerMiddleware {
  static final String HANDLE = "rocketport.handle";
  static final String RETRIES = "rocketport.handle.retries";
  static final String DEAD_LETTERS = "rocketport.dead.letters";

  private final MeterRegistry registry;
  private final Consumer<HandlerContext> seen;
  /** A meter's identity: its name (or the verdict, for the timer), topic and group. */
  private record MeterKey(String name, Topic topic, ConsumerGroup group) {}

  /** Meters by name and tags: registered once each, then found by a cheap key on every call. */
  private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();
  private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();

  /** @param seen told of every subscription that handles messages (for polling its backlog) */
  HandleMetrics(MeterRegistry registry, Consumer<HandlerContext> seen) {
    this.registry = registry;
    this.seen = seen;
  }

  @Override
  public HandlerResult handle(HandlerContext context, List<ReceivedMessage> messages, Next next) throws Exception {
    seen.accept(context);
    long start = System.nanoTime();
    String verdict = "error";
    try {
      HandlerResult result = next.handle(messages);
      verdict = result.verdict();
      return result;
    } finally {
      timer(context, verdict).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      boolean rejected = verdict.equals("reject");
      boolean failed = rejected || verdict.equals("retry") || verdict.equals("error");
      if (failed && context.deliveryMode() == DeliveryMode.CLUSTERING) {
        for (ReceivedMessage message : messages) {
          boolean parked = rejected || message.deliveryAttempt() >= context.maxDeliveryAttempts();
          counter(parked ? DEAD_LETTERS : RETRIES, context).increment();
        }
      }
    }
  }

  private Timer timer(HandlerContext context, String verdict) {
    return timers.computeIfAbsent(new MeterKey(verdict, context.topic(), context.group()),
        k -> Timer.builder(HANDLE).description("handler calls, by verdict")
            .tag("topic", k.topic().name()).tag("group", k.group().name()).tag("verdict", k.name()).register(registry));
  }

  private Counter counter(String name, HandlerContext context) {
    return counters.computeIfAbsent(new MeterKey(name, context.topic(), context.group()),
        k -> Counter.builder(k.name()).tag("topic", k.topic().name()).tag("group", k.group().name()).register(registry));
  }
}
