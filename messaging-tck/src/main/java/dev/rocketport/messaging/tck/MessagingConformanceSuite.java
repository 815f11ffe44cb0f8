package dev.rocketport.messaging.tck;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The conformance suite: the executable contract of every port. An adapter passes it by
 * subclassing and providing an {@link AdapterFixture}:
 *
 * <pre>{@code
 * class InMemoryConformanceTest extends MessagingConformanceSuite {
 *   protected AdapterFixture createFixture() { return new InMemoryFixture(); }
 * }
 * }</pre>
 *
 * Every case runs on every adapter; there is no opt-out. Features an adapter may lack are declared
 * in its {@link dev.rocketport.messaging.Capabilities}, and the cases assert the fail-fast
 * behaviour for them instead of skipping. One runtime serves all cases; each case uses fresh topics
 * and groups, so the cases may run concurrently: where the adapter's test run enables JUnit's
 * parallel execution, they do (a real broker's cases mostly wait); on a virtual clock they run one
 * at a time, because the clock is advanced by the case that waits.
 */
@Execution(ExecutionMode.CONCURRENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(MessagingConformanceSuite.ContextResolver.class)
public abstract class MessagingConformanceSuite {
  private TckContext context;

  /** The adapter under test. */
  protected abstract AdapterFixture createFixture();

  @BeforeAll
  void startSuite() {
    context = new TckContext(createFixture());
  }

  /**
   * Hands the suite's one {@link TckContext} to the nested case groups ({@link TckCases} asks for it
   * before each case), so a group is declared as {@code @Nested class X extends XCases {}}.
   */
  static final class ContextResolver implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
      return parameter.getParameter().getType() == TckContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
      return extension.getRequiredTestInstances().getAllInstances().stream()
          .filter(MessagingConformanceSuite.class::isInstance).map(s -> ((MessagingConformanceSuite) s).context)
          .findFirst().orElseThrow(() -> new ParameterResolutionException("no conformance suite encloses this case"));
    }
  }

  @AfterAll
  void stopSuite() {
    if (context != null) {
      context.close();
    }
  }

  @Nested
  class Publishing extends PublishingCases {}

  @Nested
  class Batches extends BatchCases {}

  @Nested
  class Validation extends ValidationCases {}

  @Nested
  class Ordering extends OrderingCases {}

  @Nested
  class Transactions extends TransactionCases {}

  @Nested
  class Delays extends DelayCases {}

  @Nested
  class Clustering extends ClusteringCases {}

  @Nested
  class Broadcasting extends BroadcastingCases {}

  @Nested
  class Retries extends RetryCases {}

  @Nested
  class DeadLetters extends DeadLetterCases {}

  @Nested
  class Rejects extends RejectCases {}

  @Nested
  class FailurePolicies extends FailurePolicyCases {}

  @Nested
  class CircuitBreakers extends CircuitBreakerCases {}

  @Nested
  class RateLimits extends RateLimitCases {}

  @Nested
  class TypedPayloads extends TypedPayloadCases {}

  @Nested
  class StartPositions extends StartPositionCases {}

  @Nested
  class Pausing extends PauseCases {}

  @Nested
  class RequestReply extends RequestReplyCases {}

  @Nested
  class HandlerTimeouts extends HandlerTimeoutCases {}

  @Nested
  class Filters extends FilterCases {}

  @Nested
  class Keys extends KeyCases {}

  @Nested
  class Backlogs extends BacklogCases {}

  @Nested
  class Closing extends CloseCases {}

  @Nested
  class CapabilityRules extends CapabilityCases {}

  @Nested
  class Consumption extends ConsumptionCases {}

  @Nested
  class Middleware extends MiddlewareCases {}

  @Nested
  class HealthChecks extends HealthCases {}
}
