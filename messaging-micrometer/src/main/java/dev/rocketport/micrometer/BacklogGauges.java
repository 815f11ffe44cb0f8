package dev.rocketport.micrometer;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.messaging.interception.HandlerContext;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauge {@value #BACKLOG} (tags {@code topic}, {@code group}): every subscription's backlog,
 * polled through the admin port at a fixed interval on one daemon thread — a failed poll keeps the
 * last value and is logged at debug level. Thread-safe; {@link #close()} stops polling.
 */
final class BacklogGauges implements AutoCloseable {
  static final String BACKLOG = "rocketport.backlog";
  private static final Logger LOG = LoggerFactory.getLogger(BacklogGauges.class);

  private record Key(Topic topic, ConsumerGroup group) {}

  private final MeterRegistry registry;
  private final Map<Key, AtomicLong> backlogs = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "rocketport-backlog-poller");
    t.setDaemon(true);
    return t;
  });

  BacklogGauges(MeterRegistry registry, MessagingAdmin admin, Duration interval) {
    this.registry = registry;
    poller.scheduleWithFixedDelay(() -> poll(admin), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts polling the backlog of {@code context}'s group on its topic (once per pair). */
  void watch(HandlerContext context) {
    backlogs.computeIfAbsent(new Key(context.topic(), context.group()), key -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder(BACKLOG, value, AtomicLong::get).description("messages not yet consumed by the group")
          .tag("topic", key.topic().name()).tag("group", key.group().name()).register(registry);
      return value;
    });
  }

  private void poll(MessagingAdmin admin) {
    backlogs.forEach((key, value) -> admin.backlog(key.topic(), key.group()).fold(
        failure -> {
          LOG.debug("backlog of {} on {} not polled: {}", key.group(), key.topic(), failure.description());
          return null;
        },
        backlog -> {
          value.set(backlog.total());
          return null;
        }));
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
