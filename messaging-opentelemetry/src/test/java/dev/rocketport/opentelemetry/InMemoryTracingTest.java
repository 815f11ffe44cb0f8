package dev.rocketport.opentelemetry;

import dev.rocketport.inmemory.InMemoryFixture;
import dev.rocketport.messaging.tck.AdapterFixture;

class InMemoryTracingTest extends TracingContract {
  @Override
  AdapterFixture newFixture() {
    return new InMemoryFixture();
  }
}
