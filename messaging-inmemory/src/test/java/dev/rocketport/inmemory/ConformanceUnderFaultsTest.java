package dev.rocketport.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rocketport.messaging.tck.MessagingConformanceSuite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The conformance suite on the simulated broker, once per seed: every case group except the two
 * whose handlers block on the test thread (a simulation runs handlers on the one thread that drives
 * it, so a handler that waits for the test never returns). The property {@code
 * rocketport.simulation.conformanceSeeds} sets how many seeds (10 by default).
 */
class ConformanceUnderFaultsTest {
  private static final int SEEDS = Integer.getInteger("rocketport.simulation.conformanceSeeds", 10);
  /** Consumption holds a handler until the test counts concurrent calls; Closing closes while one is held. */
  private static final Set<String> NEED_THREADS = Set.of("Consumption", "Closing");

  @Test
  void theSuiteHoldsUnderLateDeliveriesAndAnyOrderOfCalls() throws Exception {
    var selectors = Arrays.stream(MessagingConformanceSuite.class.getDeclaredClasses())
        .filter(g -> g.isAnnotationPresent(org.junit.jupiter.api.Nested.class))
        .filter(g -> !NEED_THREADS.contains(g.getSimpleName()))
        .map(g -> DiscoverySelectors.selectNestedClass(List.of(SimulatedConformanceSuite.class), g)).toList();
    assertTrue(selectors.size() >= 25, "the suite's groups: " + selectors.size());
    List<String> failures = new ArrayList<>();
    long cases = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      var listener = new SummaryGeneratingListener();
      var request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
          .configurationParameter(SimulatedConformanceSuite.SEED, String.valueOf(seed))
          .configurationParameter("junit.jupiter.execution.parallel.enabled", "false").build();
      try {
        CompletableFuture.runAsync(() -> LauncherFactory.create().execute(request, listener)).get(2, TimeUnit.MINUTES);
      } catch (TimeoutException e) {
        fail("seed " + seed + ": the suite did not finish within 2 minutes; a case waits for a handler");
      }
      long s = seed;
      cases += listener.getSummary().getTestsSucceededCount();
      listener.getSummary().getFailures().forEach(f -> failures.add("seed " + s + ": " + f.getTestIdentifier()
          .getDisplayName() + ": " + f.getException()));
    }
    assertEquals(List.of(), failures);
    assertTrue(cases >= 130L * SEEDS, "cases that ran: " + cases);
    System.out.println(cases + " conformance cases passed over " + SEEDS + " seeds under simulation");
  }
}
