package dev.rocketport.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.messaging.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@link SimulationTest} as JUnit runs it: one invocation per seed, stopping at the first failure. */
class SimulationExtensionTest {
  static final List<Long> SEEDS = new ArrayList<>();

  /** Fails from seed 7 on. */
  static class FailingFromSeven {
    @SimulationTest(seeds = 50)
    void failsFromSeven(Simulation simulation) {
      SEEDS.add(simulation.seed());
      if (simulation.seed() >= 7) {
        fail("boom at " + simulation.seed());
      }
    }
  }

  static class AlwaysPassing {
    @SimulationTest(seeds = 20, firstSeed = 100, plan = "noFaults")
    void passes(Simulation simulation) {
      SEEDS.add(simulation.seed());
      assertEquals(FaultPlan.none(), simulation.plan());
    }

    static FaultPlan noFaults() {
      return FaultPlan.none();
    }
  }

  static class NoSeeds {
    @SimulationTest(seeds = 0)
    void never(Simulation simulation) {
      fail("must not run");
    }
  }

  static class MissingPlan {
    @SimulationTest(seeds = 1, plan = "nowhere")
    void never(Simulation simulation) {
      fail("must not run");
    }
  }

  private static Events run(Class<?> fixture) {
    SEEDS.clear();
    return EngineTestKit.engine("junit-jupiter").selectors(DiscoverySelectors.selectClass(fixture)).execute()
        .allEvents();
  }

  @Test
  void theFirstFailingSeedEndsTheSweepAndNamesItsReplay() {
    Events events = run(FailingFromSeven.class);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), SEEDS, "seeds 8 to 50 never ran");
    assertEquals(6, events.succeeded().filter(e -> e.getTestDescriptor().isTest()).count());
    Throwable failure = events.failed().stream().findFirst().orElseThrow().getPayload(
        org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    SimulationFailure simulated = assertInstanceOf(SimulationFailure.class, failure);
    assertEquals(7, simulated.seed());
    assertEquals("-Dtest=FailingFromSeven#failsFromSeven -Drocketport.simulation.seed=7", simulated.replay());
    assertTrue(simulated.getMessage().contains("boom at 7"), simulated.getMessage());
  }

  @Test
  void everySeedRunsInOrderWithThePlanNamed() {
    Events events = run(AlwaysPassing.class);
    assertEquals(20, events.succeeded().filter(e -> e.getTestDescriptor().isTest()).count());
    assertEquals(100L, SEEDS.get(0));
    assertEquals(119L, SEEDS.get(19));
  }

  @Test
  void theReplayPropertyRunsOneSeed() {
    System.setProperty(Sweep.SEED_PROPERTY, "33");
    try {
      run(AlwaysPassing.class);
      assertEquals(List.of(33L), SEEDS);
    } finally {
      System.clearProperty(Sweep.SEED_PROPERTY);
    }
  }

  @Test
  void aSweepOfNoSeedsOrAMissingPlanIsRefusedNamingTheField() {
    for (var fixture : List.of(NoSeeds.class, MissingPlan.class)) {
      Throwable refused = run(fixture).failed().stream().findFirst().orElseThrow().getPayload(
          org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
      assertInstanceOf(InvalidArgumentException.class, refused);
      assertEquals(fixture == NoSeeds.class ? "seeds" : "plan", ((InvalidArgumentException) refused).field());
    }
    assertTrue(SEEDS.isEmpty());
  }
}
