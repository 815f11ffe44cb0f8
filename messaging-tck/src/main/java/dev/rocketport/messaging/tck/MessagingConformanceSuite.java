package dev.rocketport.messaging.tck;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

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
 * and groups.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MessagingConformanceSuite {
  private TckContext context;

  /** The adapter under test. */
  protected abstract AdapterFixture createFixture();

  @BeforeAll
  void startSuite() {
    context = new TckContext(createFixture());
  }

  @AfterAll
  void stopSuite() {
    if (context != null) {
      context.close();
    }
  }

  @Nested
  class Publishing extends PublishingCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Batches extends BatchCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Validation extends ValidationCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Ordering extends OrderingCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Transactions extends TransactionCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Delays extends DelayCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Clustering extends ClusteringCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Broadcasting extends BroadcastingCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Retries extends RetryCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class DeadLetters extends DeadLetterCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Filters extends FilterCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Keys extends KeyCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Backlogs extends BacklogCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Closing extends CloseCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class CapabilityRules extends CapabilityCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }

  @Nested
  class Consumption extends ConsumptionCases {
    @Override
    protected TckContext ctx() {
      return context;
    }
  }
}
