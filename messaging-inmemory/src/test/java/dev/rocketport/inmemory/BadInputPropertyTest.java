package dev.rocketport.inmemory;

import dev.rocketport.messaging.tck.HostileInput;
import dev.rocketport.messaging.tck.HostileSpecs;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link HostileInput} on the in-memory adapter: 10 000 generated publishes, delays up to a day of
 * virtual time; 2 000 generated batches and 2 000 subscription specs ({@link HostileSpecs}).
 */
class BadInputPropertyTest {
  private static InMemoryBroker broker;
  private static InMemoryMessaging messaging;
  private static HostileInput hostile;
  private static HostileSpecs specs;

  @BeforeContainer
  static void start() {
    broker = InMemoryBroker.virtualClock();
    messaging = InMemoryMessaging.connect(broker);
    specs = new HostileSpecs(messaging);
    hostile = new HostileInput(messaging, Waiting.virtualClock(broker::now, broker::advanceUntil));
  }

  @AfterContainer
  static void stop() {
    hostile.close();
    messaging.close();
    broker.close();
  }

  @Provide
  Arbitrary<HostileInput.Input> inputs() {
    return HostileInput.inputs(Duration.ofDays(1));
  }

  @Property(tries = 10_000)
  void everyInputIsRefusedNamingTheFieldOrArrivesIntact(@ForAll("inputs") HostileInput.Input input) {
    hostile.publish(input);
  }

  @Provide
  Arbitrary<HostileSpecs.SpecInput> specInputs() {
    return HostileSpecs.specs();
  }

  @Property(tries = 2000)
  void everySpecIsRefusedNamingTheFieldOrSubscribesAndCloses(@ForAll("specInputs") HostileSpecs.SpecInput input) {
    specs.subscribe(input);
  }

  @Provide
  Arbitrary<HostileInput.BatchInput> batches() {
    return HostileInput.batches(Duration.ofSeconds(3));
  }

  @Property(tries = 2000)
  void everyBatchIsRefusedTypedOrArrivesIntact(@ForAll("batches") HostileInput.BatchInput batch) {
    hostile.publishBatch(batch);
  }
}
