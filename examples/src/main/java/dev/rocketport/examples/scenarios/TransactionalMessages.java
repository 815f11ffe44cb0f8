package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Collector;
import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.TransactionOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seed case 3: transactional messages. One commits, one rolls back (never delivered), one is left
 * UNKNOWN and resolved by the checker, which looks the outcome up as an application would in its
 * database.
 */
public final class TransactionalMessages implements Scenario {
  @Override
  public String name() {
    return "transaction";
  }

  @Override
  public String description() {
    return "commit delivered, rollback never delivered, UNKNOWN resolved by the checker";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("TransactionTopic", 4);
    Map<String, TransactionOutcome> database = new ConcurrentHashMap<>();
    var publisher = ctx.messaging().transactionalPublisher(ProducerGroup.of("tx-tour-" + UUID.randomUUID()),
        check -> database.getOrDefault(check.message().bodyAsString(), TransactionOutcome.UNKNOWN));
    Collector collector = new Collector();
    try (var subscription = ctx.messaging().subscriber()
        .subscribe(SubscriptionSpec.builder(topic, ctx.group("tx")).build(), collector)) {
      publisher.sendInTransaction(Message.of(topic, "commit"), (m, id) -> TransactionOutcome.COMMIT);
      publisher.sendInTransaction(Message.of(topic, "rollback"), (m, id) -> TransactionOutcome.ROLLBACK);
      var unknown = publisher.sendInTransaction(Message.of(topic, "unknown"), (m, id) -> {
        database.put("unknown", TransactionOutcome.COMMIT);
        return TransactionOutcome.UNKNOWN;
      });
      ctx.say("local transactions done; 'unknown' waits for the broker's check-back ("
          + unknown.map(r -> r.outcome().name()).getOrElse("failed") + ")");
      boolean both = ctx.await(Duration.ofSeconds(60),
          () -> collector.bodies().contains("commit") && collector.bodies().contains("unknown"));
      boolean rolledBackAbsent = !collector.bodies().contains("rollback");
      return Outcome.check(both && rolledBackAbsent, "delivered " + collector.bodies()
          + "; rollback absent: " + rolledBackAbsent);
    }
  }
}
