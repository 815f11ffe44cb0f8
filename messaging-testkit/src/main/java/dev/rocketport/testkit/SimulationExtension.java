package dev.rocketport.testkit;

import dev.rocketport.inmemory.broker.FaultPlan;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * The engine behind the {@code SimulationTest} annotation (whose settings {@link SweepSettings} reads):
 * one invocation per seed, each resolving a fresh {@link Simulation} and closing it after; the first
 * failure is rethrown as a {@link SimulationFailure} and ends the sweep. Stateless between test
 * methods; thread-safe.
 */
public final class SimulationExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().flatMap(m -> SweepSettings.of(context.getRequiredTestClass(), m)).isPresent();
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    SweepSettings settings = SweepSettings.of(context.getRequiredTestClass(), context.getRequiredTestMethod())
        .orElseThrow();
    AtomicBoolean failed = new AtomicBoolean();
    // lazily: JUnit asks for the next seed after running the previous one, so a failure ends the sweep
    return settings.seeds().stream().takeWhile(seed -> !failed.get())
        .map(seed -> new SeedInvocation(seed, settings.plan(), settings.test(), failed));
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
