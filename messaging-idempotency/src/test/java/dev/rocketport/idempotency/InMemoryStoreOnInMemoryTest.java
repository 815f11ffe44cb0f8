package dev.rocketport.idempotency;

import dev.rocketport.inmemory.InMemoryFixture;
import dev.rocketport.messaging.tck.AdapterFixture;
import java.time.Duration;

class InMemoryStoreOnInMemoryTest extends IdempotencyContract {
  @Override
  protected AdapterFixture newFixture() {
    return new InMemoryFixture();
  }

  @Override
  protected IdempotencyStore newStore() {
    return InMemoryIdempotencyStore.of(10_000, Duration.ofHours(1));
  }
}
