package dev.rocketport.idempotency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.rocketport.messaging.InvalidArgumentException;
import java.time.Duration;

/**
 * A bounded {@link IdempotencyStore} in this process's memory, on Caffeine: claims expire after their
 * lease, completed keys after {@code retention}, and beyond {@code maximumKeys} the least recently
 * used keys are evicted — an evicted completed key lets a redelivery run its effect again. Shared by
 * the subscriptions of one process only (for several processes use the JDBC store). Thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  /** A claim (until its lease ends) or a completed key (until the retention ends). */
  private record Entry(boolean done, long lifetimeNanos) {}

  private final Cache<String, Entry> keys;
  private final Duration retention;

  private InMemoryIdempotencyStore(long maximumKeys, Duration retention, Ticker ticker) {
    this.retention = retention;
    this.keys = Caffeine.newBuilder().maximumSize(maximumKeys).ticker(ticker).expireAfter(new Expiry<String, Entry>() {
      @Override
      public long expireAfterCreate(String key, Entry entry, long now) {
        return entry.lifetimeNanos();
      }

      @Override
      public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
        return entry.lifetimeNanos();
      }

      @Override
      public long expireAfterRead(String key, Entry entry, long now, long remaining) {
        return remaining;
      }
    }).build();
  }

  /** Keeps at most {@code maximumKeys} keys, each completed key for {@code retention}. */
  public static InMemoryIdempotencyStore of(long maximumKeys, Duration retention) {
    return of(maximumKeys, retention, Ticker.systemTicker());
  }

  static InMemoryIdempotencyStore of(long maximumKeys, Duration retention, Ticker ticker) {
    if (maximumKeys < 1) {
      throw new InvalidArgumentException("maximumKeys", "must be at least 1, was " + maximumKeys);
    }
    InvalidArgumentException.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new InvalidArgumentException("retention", "must be positive, was " + retention);
    }
    return new InMemoryIdempotencyStore(maximumKeys, retention, ticker);
  }

  @Override
  public Claim claim(String key, Duration lease) {
    // putIfAbsent leaves an existing entry's expiry alone: a busy key's lease is not extended by asking
    Entry existing = keys.asMap().putIfAbsent(key, new Entry(false, lease.toNanos()));
    if (existing == null) {
      return Claim.ACQUIRED;
    }
    return existing.done() ? Claim.DONE : Claim.BUSY;
  }

  @Override
  public void complete(String key) {
    keys.put(key, new Entry(true, retention.toNanos()));
  }

  @Override
  public void release(String key) {
    Entry existing = keys.getIfPresent(key);
    if (existing != null && !existing.done()) {
      keys.asMap().remove(key, existing);
    }
  }

  /** Keys held now, claimed or completed (for tests and metrics; expired ones may still count until cleaned). */
  public long size() {
    keys.cleanUp();
    return keys.estimatedSize();
  }
}
