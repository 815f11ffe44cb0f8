package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A token bucket for one subscription's {@link RateLimit}, refilled on the adapter's clock: holds
 * {@link RateLimit#burst()} tokens at most, a call takes one per message and may overdraw (a batch,
 * or calls admitted together), and the debt is paid back by waiting — so the average rate holds.
 * Not thread-safe: guarded by its {@link PauseGate}.
 */
final class Throttle {
  private final RateLimit limit;
  private final Supplier<Instant> clock;
  private double tokens;
  private Instant refilledAt;

  Throttle(RateLimit limit, Supplier<Instant> clock) {
    this.limit = limit;
    this.clock = clock;
    this.tokens = limit.burst();
    this.refilledAt = clock.get();
  }

  /** Takes {@code messages} tokens; answers how long the next call must wait (zero if it need not). */
  Duration take(int messages) {
    Instant now = clock.get();
    double elapsed = Math.max(0, Duration.between(refilledAt, now).toNanos()) / 1e9;
    tokens = Math.min(limit.burst(), tokens + elapsed * limit.messagesPerSecond());
    refilledAt = now;
    tokens -= messages;
    if (tokens >= 1) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - tokens) / limit.messagesPerSecond() * 1e9));
  }
}
