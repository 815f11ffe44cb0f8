package dev.rocketport.micrometer;

import dev.rocketport.inmemory.InMemoryFixture;
import dev.rocketport.messaging.tck.AdapterFixture;

class InMemoryMetricsTest extends MetricsContract {
  @Override
  AdapterFixture newFixture() {
    return new InMemoryFixture();
  }
}
