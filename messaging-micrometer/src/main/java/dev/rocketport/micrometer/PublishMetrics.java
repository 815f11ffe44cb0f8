package dev.rocketport.micrometer;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.interception.PublishEvent;
import dev.rocketport.messaging.interception.PublishInterceptor;
import dev.rocketport.messaging.interception.PublishMode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vavr.control.Either;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Meters every publish: the timer {@value #PUBLISH} (tags {@code topic}, {@code mode}, {@code outcome}
 * — {@code success} or the failure's type, such as {@code Timeout}) and the gauge {@value #IN_FLIGHT},
 * asynchronous sends begun and not yet completed. Thread-safe.
 */
final class PublishMetrics implements PublishInterceptor {
  static final String PUBLISH = "rocketport.publish";
  static final String IN_FLIGHT = "rocketport.publish.async.in.flight";

  private final MeterRegistry registry;
  private final AtomicLong asyncInFlight = new AtomicLong();
  /** A timer's tags: the outcome is the failure's class, or {@code null} for success. */
  private record TimerKey(Topic topic, PublishMode mode, @Nullable Class<?> outcome) {}

  /** Timers by topic, mode and outcome: registered once each, then found by a cheap key on every publish. */
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

  PublishMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(IN_FLIGHT, asyncInFlight, AtomicLong::get)
        .description("asynchronous sends begun and not yet completed").register(registry);
  }

  @Override
  public Either<PublishFailure.Refused, Message> beforePublish(Message message, PublishMode mode) {
    if (mode == PublishMode.ASYNC) {
      asyncInFlight.incrementAndGet();
    }
    return Either.right(message);
  }

  @Override
  public void afterPublish(PublishEvent event) {
    if (event.mode() == PublishMode.ASYNC) {
      asyncInFlight.decrementAndGet();
    }
    TimerKey key = new TimerKey(event.message().topic(), event.mode(),
        event.failure().isEmpty() ? null : event.failure().get().getClass());
    timers.computeIfAbsent(key, k -> Timer.builder(PUBLISH).description("publishes, from the call to the outcome")
        .tag("topic", k.topic().name()).tag("mode", k.mode().name().toLowerCase(Locale.ROOT))
        .tag("outcome", k.outcome() == null ? "success" : k.outcome().getSimpleName()).register(registry))
        .record(event.elapsed());
  }
}
