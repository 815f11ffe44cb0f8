package dev.rocketport.examples;

import dev.rocketport.examples.scenarios.Backlog;
import dev.rocketport.examples.scenarios.BatchMessages;
import dev.rocketport.examples.scenarios.ClusteringVersusBroadcasting;
import dev.rocketport.examples.scenarios.DelayedMessages;
import dev.rocketport.examples.scenarios.FindByKey;
import dev.rocketport.examples.scenarios.HonestTtl;
import dev.rocketport.examples.scenarios.NormalMessages;
import dev.rocketport.examples.scenarios.OrderedMessages;
import dev.rocketport.examples.scenarios.RetryAndDeadLetters;
import dev.rocketport.examples.scenarios.TransactionalMessages;
import java.util.List;
import java.util.Optional;

/** Every scenario of the tour, in the seed's order. */
public final class Scenarios {
  private Scenarios() {}

  public static List<Scenario> all() {
    return List.of(new NormalMessages(), new OrderedMessages(), new TransactionalMessages(), new DelayedMessages(),
        new BatchMessages(), new ClusteringVersusBroadcasting(), new RetryAndDeadLetters(), new FindByKey(),
        new Backlog(), new HonestTtl());
  }

  public static Optional<Scenario> named(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return all().stream().map(Scenario::name).toList();
  }
}
