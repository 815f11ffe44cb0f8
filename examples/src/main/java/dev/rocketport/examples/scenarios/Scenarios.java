package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Scenario;
import java.util.List;
import java.util.Optional;

/** Every scenario of the tour, in the seed's order. */
public final class Scenarios {
  private Scenarios() {}

  public static List<Scenario> all() {
    return List.of(new NormalMessages(), new OrderedMessages(), new TransactionalMessages(), new DelayedMessages(),
        new BatchMessages(), new ClusteringVersusBroadcasting(), new RetryAndDeadLetters(), new FindByKey(),
        new Backlog(), new HonestTtl(), new Observability(), new TypedPayloads(), new Rejects(), new RequestReply(),
        new IdempotentConsumer(), new TransactionalOutbox(), new Resilience(), new SimulatedFaults());
  }

  public static Optional<Scenario> named(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return all().stream().map(Scenario::name).toList();
  }
}
