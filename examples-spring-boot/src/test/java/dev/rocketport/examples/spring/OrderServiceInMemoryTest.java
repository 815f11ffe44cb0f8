package dev.rocketport.examples.spring;

import java.util.Map;

/** The order service on the in-memory adapter: the same test, no broker. */
class OrderServiceInMemoryTest extends OrderServiceContract {
  @Override
  Map<String, String> adapterSettings() {
    return Map.of("rocketport.adapter", "inmemory");
  }
}
