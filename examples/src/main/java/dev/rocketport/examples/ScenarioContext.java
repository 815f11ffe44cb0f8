package dev.rocketport.examples;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.Topic;
import dev.rocketport.testing.Waiting;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a scenario gets: the ports (through {@link Messaging}), the adapter's clock and a way to wait
 * for a condition with a deadline, fresh topic and group names, and a line printer for progress.
 * Scenarios depend on this and the API only; the composition root builds it for an adapter.
 */
public final class ScenarioContext {
  private final Messaging messaging;
  private final Waiting time;
  private final MeterRegistry meters;
  private final SpanCollector spans;
  private final Consumer<String> progress;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final AtomicInteger names = new AtomicInteger();

  /**
   * @param time the adapter's notion of time: virtual (advanced on demand) or the wall clock
   * @param meters where the runtime's meters are (the composition root installed them)
   * @param spans the spans the runtime's tracing finished
   */
  public ScenarioContext(Messaging messaging, Waiting time, MeterRegistry meters, SpanCollector spans,
      Consumer<String> progress) {
    this.messaging = messaging;
    this.time = time;
    this.meters = meters;
    this.spans = spans;
    this.progress = progress;
  }

  public Messaging messaging() {
    return messaging;
  }

  public SpanCollector spans() {
    return spans;
  }

  public MeterRegistry meters() {
    return meters;
  }

  public Instant now() {
    return time.now();
  }

  /** The adapter's time, for code that waits on its own (virtual: waiting drives it). */
  public Waiting time() {
    return time;
  }

  /** Waits for {@code condition} up to {@code budget}; returns whether it held. */
  public boolean await(Duration budget, BooleanSupplier condition) {
    return time.awaitUntil(condition, budget);
  }

  /**
   * Waits in wall time for {@code condition}, which work outside the broker decides (a relay thread
   * reading a database, say): a virtual clock would not wait for it.
   */
  public boolean awaitOutside(Duration budget, BooleanSupplier condition) {
    return Waiting.wallClock().awaitUntil(condition, budget);
  }

  /** Creates a fresh topic named after {@code base} with {@code queues} queues. */
  public Topic topic(String base, int queues) {
    Topic topic = Topic.of(base + "-" + run + "-" + names.incrementAndGet());
    messaging.admin().createTopic(topic, queues).getOrElseThrow(f -> new IllegalStateException(f.description()));
    return topic;
  }

  public ConsumerGroup group(String base) {
    return ConsumerGroup.of(base + "-" + run + "-" + names.incrementAndGet());
  }

  /** Prints a progress line for people watching. */
  public void say(String line) {
    progress.accept(line);
  }
}
