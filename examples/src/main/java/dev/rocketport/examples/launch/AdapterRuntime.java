package dev.rocketport.examples.launch;

import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.EmbeddedSettings;
import dev.rocketport.inmemory.InMemoryBroker;
import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.messaging.tck.Waiting;
import dev.rocketport.rocketmq.RocketMqConfig;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.time.Duration;

/**
 * The composition root's choice of adapter: a runtime, the matching time driver, and whatever must
 * be closed after it (the embedded broker). The only place in the examples that knows adapters.
 */
public final class AdapterRuntime implements AutoCloseable {
  private final String name;
  private final Messaging messaging;
  private final Waiting time;
  private final AutoCloseable infrastructure;

  private AdapterRuntime(String name, Messaging messaging, Waiting time,
      AutoCloseable infrastructure) {
    this.name = name;
    this.messaging = messaging;
    this.time = time;
    this.infrastructure = infrastructure;
  }

  /** The in-memory adapter on a virtual clock: waits advance time instead of sleeping. */
  public static AdapterRuntime inMemory() {
    InMemoryBroker broker = InMemoryBroker.virtualClock();
    return new AdapterRuntime("inmemory", InMemoryMessaging.connect(broker),
        Waiting.virtualClock(broker::now, broker::advanceUntil), broker);
  }

  /** The RocketMQ adapter on a real broker started in this JVM. */
  public static AdapterRuntime embeddedRocketMq() {
    EmbeddedRocketMq broker = EmbeddedRocketMq.start(EmbeddedSettings.forTests());
    RocketMqConfig config = RocketMqConfig.builder(broker.nameServerAddress())
        .retryLadder(RetryLadder.of(broker.settings().delayLevels()))
        .pollNameServerInterval(Duration.ofSeconds(1)).build();
    return new AdapterRuntime("rocketmq", RocketMqMessaging.start(config), WALL_CLOCK, broker);
  }

  /** The RocketMQ adapter on an existing cluster. */
  public static AdapterRuntime rocketMq(String nameServer) {
    return new AdapterRuntime("rocketmq", RocketMqMessaging.start(RocketMqConfig.builder(nameServer).build()),
        WALL_CLOCK, () -> { });
  }

  private static final Waiting WALL_CLOCK = Waiting.wallClock();


  public String name() {
    return name;
  }

  public Messaging messaging() {
    return messaging;
  }

  public Waiting time() {
    return time;
  }

  @Override
  public void close() throws Exception {
    messaging.close();
    infrastructure.close();
  }
}
