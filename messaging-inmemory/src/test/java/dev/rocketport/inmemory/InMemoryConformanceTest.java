package dev.rocketport.inmemory;

import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.messaging.tck.MessagingConformanceSuite;

/** The whole conformance suite on the in-memory adapter, in virtual time. */
class InMemoryConformanceTest extends MessagingConformanceSuite {
  @Override
  protected AdapterFixture createFixture() {
    return new InMemoryFixture();
  }
}
