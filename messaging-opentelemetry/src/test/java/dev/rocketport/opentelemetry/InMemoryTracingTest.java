package dev.rocketport.opentelemetry;

import dev.rocketport.inmemory.InMemoryBroker;
import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.messaging.Interceptors;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.tck.Waiting;

class InMemoryTracingTest extends TracingContract {
  private final InMemoryBroker broker = InMemoryBroker.virtualClock();

  @Override
  Messaging runtime(Interceptors interceptors) {
    return InMemoryMessaging.connect(broker, interceptors);
  }

  @Override
  Waiting waiting() {
    return Waiting.virtualClock(broker::now, broker::advanceUntil);
  }
}
