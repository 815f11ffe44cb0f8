package dev.rocketport.bench.faults;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.MessageHandler;
import java.time.Duration;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a fault scenario's consumer handled: each body with how often and when first, and each queue's
 * offsets — to tell what was never handled, which messages were redelivered (handled more often
 * than they were stored), and how long consumption paused. Thread-safe.
 */
final class HandledLog {
  private final Map<String, Integer> times = new ConcurrentHashMap<>();
  private final Map<String, Long> firstNanos = new ConcurrentHashMap<>();
  private final Map<Integer, LongSummaryStatistics> perQueue = new ConcurrentHashMap<>();
  private final AtomicLong lastNanos = new AtomicLong(System.nanoTime());
  private final AtomicLong longestPauseNanos = new AtomicLong();

  /** A handler that notes every message and succeeds. */
  MessageHandler handler() {
    return m -> {
      String body = m.bodyAsString();
      times.merge(body, 1, Integer::sum);
      long now = System.nanoTime();
      firstNanos.putIfAbsent(body, now);
      longestPauseNanos.accumulateAndGet(now - lastNanos.getAndSet(now), Math::max);
      perQueue.compute(m.queueId(), (q, offsets) -> {
        LongSummaryStatistics seen = offsets == null ? new LongSummaryStatistics() : offsets;
        seen.accept(m.queueOffset());
        return seen;
      });
      return HandlerResult.success();
    };
  }

  boolean handledAll(Set<String> bodies) {
    return times.keySet().containsAll(bodies);
  }

  /** Which of {@code stored} were never handled, and what each queue's consumer did handle. */
  String unhandled(Set<String> stored) {
    List<String> missing = stored.stream().filter(body -> !times.containsKey(body)).sorted().toList();
    return missing.size() + " of " + stored.size() + " stored never handled, first "
        + missing.subList(0, Math.min(5, missing.size())) + "; handled per queue " + perQueue;
  }

  /** Messages handled more often than they were stored ({@code stored} counts each body's copies). */
  long redelivered(Map<String, Integer> stored) {
    return times.entrySet().stream().filter(e -> e.getValue() > stored.getOrDefault(e.getKey(), 1)).count();
  }

  /** The longest time between two handled messages (or from the start to the first). */
  Duration longestPause() {
    return Duration.ofNanos(longestPauseNanos.get());
  }

  /** Messages first handled between the two instants ({@link System#nanoTime()}). */
  long firstHandledBetween(long fromNanos, long toNanos) {
    return firstNanos.values().stream().filter(t -> t - fromNanos >= 0 && toNanos - t >= 0).count();
  }
}
