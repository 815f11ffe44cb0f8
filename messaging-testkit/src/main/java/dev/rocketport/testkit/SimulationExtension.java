package dev.rocketport.testkit;

import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.messaging.InvalidArgumentException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.jspecify.annotations.Nullable;

/**
 * The engine behind {@link SimulationTest}: one invocation per seed (or only the seed of the system
 * property {@value Sweep#SEED_PROPERTY}), each resolving a fresh {@link Simulation} and closing it
 * after; the first failure is rethrown as a {@link SimulationFailure} and ends the sweep. Stateless
 * between test methods; thread-safe.
 */
public final class SimulationExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(SimulationTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    SimulationTest settings = method.getAnnotation(SimulationTest.class);
    if (settings.seeds() < 1) {
      throw new InvalidArgumentException("seeds", "@SimulationTest needs at least one seed, was " + settings.seeds());
    }
    FaultPlan plan = plan(context.getRequiredTestClass(), settings.plan());
    String test = "-Dtest=" + context.getRequiredTestClass().getSimpleName() + "#" + method.getName();
    String replay = System.getProperty(Sweep.SEED_PROPERTY);
    LongStream seeds = replay != null && !replay.isBlank() ? LongStream.of(Sweep.parseSeed(replay))
        : LongStream.range(0, settings.seeds()).map(i -> settings.firstSeed() + i);
    AtomicBoolean failed = new AtomicBoolean();
    // lazily: JUnit asks for the next seed after running the previous one, so a failure ends the sweep
    return seeds.boxed().takeWhile(seed -> !failed.get())
        .map(seed -> new SeedInvocation(seed, plan, test, failed));
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

  /** One seed's run: its name, its simulation (resolved, then closed) and its failure. */
  private static final class SeedInvocation implements TestTemplateInvocationContext, ParameterResolver,
      TestExecutionExceptionHandler, AfterTestExecutionCallback {
    private final long seed;
    private final FaultPlan plan;
    private final String test;
    private final AtomicBoolean failed;
    private @Nullable Simulation simulation;

    SeedInvocation(long seed, FaultPlan plan, String test, AtomicBoolean failed) {
      this.seed = seed;
      this.plan = plan;
      this.test = test;
      this.failed = failed;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "seed " + seed;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(this);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == Simulation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      if (simulation == null) {
        simulation = Simulation.of(seed, plan);
      }
      return simulation;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
      failed.set(true);
      if (simulation == null || thrown instanceof SimulationFailure) {
        throw thrown;
      }
      throw SimulationFailure.of(simulation, Sweep.replayLine(test, seed), thrown);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
      if (simulation != null) {
        simulation.close();
      }
    }
  }
}
