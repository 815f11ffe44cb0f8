package dev.rocketport.micrometer;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.interception.PublishEvent;
import dev.rocketport.messaging.interception.PublishInterceptor;
import dev.rocketport.messaging.interception.PublishMode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vavr.control.Either;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
  /** Timers by topic, mode and outcome: looked up once each, not registered per publish. */
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

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
    List<String> tags = List.of(event.message().topic().name(), event.mode().name().toLowerCase(Locale.ROOT),
        event.failure().map(f -> f.getClass().getSimpleName()).getOrElse("success"));
    timers.computeIfAbsent(tags, t -> Timer.builder(PUBLISH).description("publishes, from the call to the outcome")
        .tag("topic", t.get(0)).tag("mode", t.get(1)).tag("outcome", t.get(2)).register(registry))
        .record(event.elapsed());
  }
}
