package dev.rocketport.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test method once per seed, each time with a fresh {@link Simulation} as its
 * parameter, and stops at the first seed that fails: the failure ({@link SimulationFailure}) names the
 * seed, the faults injected and the line that replays it ({@code -Dtest=Class#method
 * -Drocketport.simulation.seed=N}). Seeds run in order from {@link #firstSeed()}, so every machine
 * finds the same failure.
 *
 * <pre>{@code
 * @SimulationTest(seeds = 500)
 * void chargesEachOrderOnce(Simulation simulation) {
 *   Messaging messaging = simulation.messaging();
 *   ...
 *   simulation.runUntilQuiet();
 *   assertEquals(20, payments.charged());
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(SimulationExtension.class)
public @interface SimulationTest {
  /** How many seeds to run (at least 1). */
  int seeds() default 100;

  /** The first seed. */
  long firstSeed() default 1;

  /**
   * The name of a static, parameterless method of the test class that returns the
   * {@link dev.rocketport.inmemory.broker.FaultPlan}; empty for
   * {@link dev.rocketport.inmemory.broker.FaultPlan#typical()}.
   */
  String plan() default "";
}
