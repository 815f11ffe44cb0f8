package dev.rocketport.micrometer;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.messaging.interception.HandlerContext;
import dev.rocketport.messaging.interception.Interceptors;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rocketport's meters on a Micrometer {@link MeterRegistry}, for any adapter:
 * <ul>
 *   <li>{@code rocketport.publish} timer — tags {@code topic}, {@code mode}, {@code outcome};
 *   <li>{@code rocketport.publish.async.in.flight} gauge;
 *   <li>{@code rocketport.handle} timer — tags {@code topic}, {@code group}, {@code verdict};
 *   <li>{@code rocketport.handle.retries} and {@code rocketport.dead.letters} counters — tags
 *       {@code topic}, {@code group};
 *   <li>{@code rocketport.dead.letters.redriven} counter — tag {@code group} (through {@link #admin});
 *   <li>{@code rocketport.backlog} gauge — tags {@code topic}, {@code group}, polled every
 *       {@link #pollBacklog interval} for each subscription that has handled a message;
 *   <li>{@code rocketport.circuit.state} gauge (1 for the current state, else 0) and
 *       {@code rocketport.circuit.transitions} counter — tags {@code topic}, {@code group},
 *       {@code state}, for each subscription with a circuit breaker.
 * </ul>
 * Tags never carry ids, so their cardinality is bounded by topics × groups. Without Guice:
 * {@code RocketportMetrics metrics = RocketportMetrics.on(registry);} then create the runtime with
 * {@code metrics.interceptors()}. With Guice: install {@link MicrometerMessagingModule}. Thread-safe;
 * {@link #close()} stops the backlog polling.
 */
public final class RocketportMetrics implements AutoCloseable {
  private final MeterRegistry registry;
  private final AtomicReference<BacklogGauges> backlog = new AtomicReference<>();
  private final Interceptors interceptors;

  private RocketportMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.interceptors = Interceptors.builder().handler(new HandleMetrics(registry, this::watch))
        .publish(new PublishMetrics(registry)).circuitListener(new CircuitMetrics(registry)).build();
  }

  public static RocketportMetrics on(MeterRegistry registry) {
    return new RocketportMetrics(InvalidArgumentException.requireNonNull(registry, "registry"));
  }

  /** The handler middleware, publish interceptor and circuit listener that record the meters; give them to the runtime. */
  public Interceptors interceptors() {
    return interceptors;
  }

  /** {@code admin}, counting redriven dead letters. */
  public MessagingAdmin admin(MessagingAdmin admin) {
    return new MeteredAdmin(InvalidArgumentException.requireNonNull(admin, "admin"), registry);
  }

  /** Starts polling, every {@code interval} (1 s – 1 day), the backlog of every subscription seen handling. */
  public RocketportMetrics pollBacklog(MessagingAdmin admin, Duration interval) {
    InvalidArgumentException.requireNonNull(admin, "admin");
    InvalidArgumentException.requireNonNull(interval, "interval");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidArgumentException("interval", "must be 1 s to 1 day, was " + interval);
    }
    if (!backlog.compareAndSet(null, new BacklogGauges(registry, admin, interval))) {
      throw new IllegalStateException("the backlog is already being polled");
    }
    return this;
  }

  private void watch(HandlerContext context) {
    BacklogGauges gauges = backlog.get();
    if (gauges != null) {
      gauges.watch(context);
    }
  }

  @Override
  public void close() {
    BacklogGauges gauges = backlog.getAndSet(null);
    if (gauges != null) {
      gauges.close();
    }
  }
}
