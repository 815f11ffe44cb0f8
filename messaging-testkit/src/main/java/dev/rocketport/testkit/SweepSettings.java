package dev.rocketport.testkit;

import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.messaging.InvalidArgumentException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * What a {@link SimulationTest} method asks for, read and checked: its seeds (or the one seed of the
 * system property {@value Sweep#SEED_PROPERTY}), its fault plan (from the named factory method) and
 * the replay line's test selector. Immutable.
 */
record SweepSettings(List<Long> seeds, FaultPlan plan, String test) {

  /** The settings of {@code method} of {@code testClass}, if it is a {@link SimulationTest}. */
  static Optional<SweepSettings> of(Class<?> testClass, Method method) {
    SimulationTest annotation = method.getAnnotation(SimulationTest.class);
    if (annotation == null) {
      return Optional.empty();
    }
    if (annotation.seeds() < 1) {
      throw new InvalidArgumentException("seeds", "@SimulationTest needs at least one seed, was " + annotation.seeds());
    }
    FaultPlan plan = plan(testClass, annotation.plan());
    String replay = System.getProperty(Sweep.SEED_PROPERTY);
    List<Long> seeds = replay != null && !replay.isBlank() ? List.of(Sweep.parseSeed(replay))
        : LongStream.range(0, annotation.seeds()).mapToObj(i -> annotation.firstSeed() + i).toList();
    return Optional.of(new SweepSettings(seeds, plan, "-Dtest=" + testClass.getSimpleName() + "#" + method.getName()));
  }

  private static FaultPlan plan(Class<?> testClass, String methodName) {
    if (methodName.isEmpty()) {
      return FaultPlan.typical();
    }
    try {
      Method factory = testClass.getDeclaredMethod(methodName);
      if (!Modifier.isStatic(factory.getModifiers()) || !FaultPlan.class.equals(factory.getReturnType())) {
        throw new InvalidArgumentException("plan", "'" + methodName + "' must be a static method returning FaultPlan");
      }
      factory.setAccessible(true);
      return InvalidArgumentException.requireNonNull((FaultPlan) factory.invoke(null), "plan");
    } catch (NoSuchMethodException e) {
      throw new InvalidArgumentException("plan", "no parameterless method '" + methodName + "' in "
          + testClass.getName());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the fault plan method '" + methodName + "' failed", e);
    }
  }
}
