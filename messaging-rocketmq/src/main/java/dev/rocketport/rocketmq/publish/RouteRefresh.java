package dev.rocketport.rocketmq.publish;

import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a topic's route again as soon as a send finds its broker unavailable, instead of at the
 * client's next poll of the name server (every 30 s by default): after a replicated group's failover
 * the sends go to the promoted master within about a second, not half a minute later. A topic's
 * route is fetched at most once a second, on a daemon thread of its own, never on the sender's.
 * Thread-safe; {@link #close()} stops the thread (a fetch under way finishes).
 */
final class RouteRefresh implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RouteRefresh.class);
  private static final long MIN_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

  private final Map<Topic, Long> lastFetch = new ConcurrentHashMap<>();
  private final Consumer<String> fetch;
  private final ExecutorService fetcher = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "rocketport-route-refresh");
    thread.setDaemon(true);
    return thread;
  });

  /** {@code fetch} fetches one topic's route from the name server into the producer's client. */
  RouteRefresh(Consumer<String> fetch) {
    this.fetch = fetch;
  }

  /** A send to {@code topic} found its broker unavailable: fetches the route unless it was fetched within the second. */
  void brokerUnavailable(Topic topic) {
    long now = System.nanoTime();
    Long previous = lastFetch.get(topic);
    if (previous != null && now - previous < MIN_INTERVAL_NANOS) {
      return;
    }
    boolean mine = previous == null ? lastFetch.putIfAbsent(topic, now) == null : lastFetch.replace(topic, previous, now);
    if (!mine) {
      return; // another sender's failure got there first
    }
    try {
      fetcher.execute(() -> {
        try {
          fetch.accept(topic.name());
        } catch (RuntimeException e) {
          LOG.debug("could not fetch the route of {} after a send found its broker unavailable", topic.name(), e);
        }
      });
    } catch (RejectedExecutionException closed) {
      // the publisher is closing: no route is needed any more
    }
  }

  @Override
  public void close() {
    fetcher.shutdownNow();
  }
}
