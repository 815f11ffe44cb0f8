package dev.rocketport.rocketmq;

import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.tck.HostileInput;
import dev.rocketport.messaging.tck.HostileSpecs;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link HostileInput} on a real broker (one of its own: jqwik does not run JUnit extensions): fewer
 * tries than in memory, delays of a few seconds at most, but the same invariant — here the broker
 * proves that what Rocketport accepts survives RocketMQ's UTF-8 properties intact.
 */
class BadInputPropertyTest {
  private static EmbeddedRocketMq broker;
  private static Messaging messaging;
  private static HostileInput hostile;
  private static HostileSpecs specs;

  @BeforeContainer
  static void start() {
    broker = EmbeddedRocketMq.start();
    messaging = new RocketMqFixture(broker).newMessaging();
    specs = new HostileSpecs(messaging);
    hostile = new HostileInput(messaging, Waiting.wallClock());
  }

  @AfterContainer
  static void stop() {
    try {
      if (hostile != null) {
        hostile.close();
      }
    } finally {
      if (messaging != null) {
        messaging.close();
      }
      if (broker != null) {
        broker.close();
      }
    }
  }

  @Provide
  Arbitrary<HostileInput.Input> inputs() {
    return HostileInput.inputs(Duration.ofSeconds(3));
  }

  @Property(tries = 300)
  void everyInputIsRefusedNamingTheFieldOrArrivesIntact(@ForAll("inputs") HostileInput.Input input) {
    hostile.publish(input);
  }

  @Provide
  Arbitrary<HostileSpecs.SpecInput> specInputs() {
    return HostileSpecs.specs();
  }

  @Property(tries = 30)
  void everySpecIsRefusedNamingTheFieldOrSubscribesAndCloses(@ForAll("specInputs") HostileSpecs.SpecInput input) {
    specs.subscribe(input);
  }

  @Provide
  Arbitrary<HostileInput.BatchInput> batches() {
    return HostileInput.batches(Duration.ofSeconds(3));
  }

  @Property(tries = 60)
  void everyBatchIsRefusedTypedOrArrivesIntact(@ForAll("batches") HostileInput.BatchInput batch) {
    hostile.publishBatch(batch);
  }

  /** A body just under the size limit fits alone, though its batch encoding would not: in a batch it arrives too. */
  @Example
  void aBatchEntryJustUnderTheSizeLimitArrives() {
    for (int under : new int[] {0, 32, 64}) {
      hostile.publishBatch(new HostileInput.BatchInput(List.of(new HostileInput.Input(null, "t", List.of(), Map.of(),
          4 * 1024 * 1024 - under, 0)), false));
    }
  }
}
