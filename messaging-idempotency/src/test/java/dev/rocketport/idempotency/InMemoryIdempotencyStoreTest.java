package dev.rocketport.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.rocketport.idempotency.IdempotencyStore.Claim;
import dev.rocketport.messaging.InvalidArgumentException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;

  private void pass(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Test
  void claimsAreLeasesAndCompletedKeysLastTheirRetention() {
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.of(100, Duration.ofHours(1), ticker);
    assertEquals(Claim.ACQUIRED, store.claim("k", Duration.ofMinutes(5)));
    assertEquals(Claim.BUSY, store.claim("k", Duration.ofMinutes(5)));
    pass(Duration.ofMinutes(4));
    assertEquals(Claim.BUSY, store.claim("k", Duration.ofMinutes(5)), "asking does not extend the lease");
    pass(Duration.ofMinutes(2));
    assertEquals(Claim.ACQUIRED, store.claim("k", Duration.ofMinutes(5)), "a crashed holder's lease expired");
    store.complete("k");
    assertEquals(Claim.DONE, store.claim("k", Duration.ofMinutes(5)));
    store.release("k");
    assertEquals(Claim.DONE, store.claim("k", Duration.ofMinutes(5)), "release does not undo a completed key");
    pass(Duration.ofMinutes(61));
    assertEquals(Claim.ACQUIRED, store.claim("k", Duration.ofMinutes(5)), "retention over");
    store.release("k");
    assertEquals(Claim.ACQUIRED, store.claim("k", Duration.ofMinutes(5)));
  }

  @Test
  void boundedAndValidated() {
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.of(10, Duration.ofHours(1), ticker);
    for (int i = 0; i < 1_000; i++) {
      store.claim("k" + i, Duration.ofMinutes(5));
      store.complete("k" + i);
    }
    assertEquals(10, store.size());
    assertEquals("maximumKeys", assertThrows(InvalidArgumentException.class,
        () -> InMemoryIdempotencyStore.of(0, Duration.ofHours(1))).field());
    assertEquals("retention", assertThrows(InvalidArgumentException.class,
        () -> InMemoryIdempotencyStore.of(10, Duration.ZERO)).field());
    assertEquals("lease", assertThrows(InvalidArgumentException.class,
        () -> IdempotentHandling.byMessageId(store).withLease(Duration.ZERO)).field());
  }
}
