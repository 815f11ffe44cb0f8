package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.Fault;
import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.messaging.tck.MessagingConformanceSuite;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The conformance suite on a simulated broker whose seed comes from the configuration parameter
 * {@value #SEED}, injecting {@link #EXACT_ONCE_FAULTS}. Not a test of its own (its name says so):
 * {@link ConformanceUnderFaultsTest} launches it once per seed.
 */
@ExtendWith(SimulatedConformanceSuite.Seeding.class)
class SimulatedConformanceSuite extends MessagingConformanceSuite {
  static final String SEED = "rocketport.simulation.seed";
  /**
   * The faults under which the suite's cases hold as written: late deliveries and any order of
   * ready handler calls. The cases count deliveries exactly (a message once, a redelivery twice),
   * expect their sends stored and answer check-backs from a fixed map, so the faults that duplicate,
   * fail a send or lose a transaction's end are left to {@code SimulationTest}'s property checks,
   * which allow what at-least-once allows.
   */
  static final FaultPlan EXACT_ONCE_FAULTS = FaultPlan.builder().rate(Fault.LATE_DELIVERY, 0.3)
      .rate(Fault.INTERLEAVING, 0.5).rate(Fault.REORDERING, 0.5).build();
  private long seed;

  @Override
  protected AdapterFixture createFixture() {
    return new InMemoryFixture(InMemoryBroker.simulated(seed, EXACT_ONCE_FAULTS));
  }

  /** Hands the suite its seed before the suite starts. */
  static final class Seeding implements TestInstancePostProcessor {
    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) {
      if (instance instanceof SimulatedConformanceSuite suite) {
        suite.seed = context.getConfigurationParameter(SEED).map(Long::parseLong).orElseThrow(
            () -> new IllegalStateException("the simulated conformance suite needs the parameter " + SEED));
      }
    }
  }
}
