package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.List;

/** Message keys for tracing: every message of one order is found by the order id. */
public final class FindByKey implements Scenario {
  @Override
  public String name() {
    return "keys";
  }

  @Override
  public String description() {
    return "find an order's messages by its business key";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("KeyTopic", 4);
    var publisher = ctx.messaging().publisher();
    for (String step : List.of("created", "paid", "shipped")) {
      publisher.send(Message.builder(topic).body("ORDER_7 " + step).tag(step).key("ORDER_7").build());
      publisher.send(Message.builder(topic).body("ORDER_8 " + step).tag(step).key("ORDER_8").build());
    }
    MessageKey key = MessageKey.of("ORDER_7");
    boolean found = ctx.await(Duration.ofSeconds(60),
        () -> ctx.messaging().admin().findByKey(topic, key, 10).map(List::size).getOrElse(0) == 3);
    List<String> bodies = ctx.messaging().admin().findByKey(topic, key, 10).getOrElse(List.of()).stream()
        .map(StoredMessage::message).map(Message::bodyAsString).sorted().toList();
    boolean onlyOrder7 = bodies.stream().allMatch(b -> b.startsWith("ORDER_7"));
    return Outcome.check(found && onlyOrder7, "ORDER_7 → " + bodies);
  }
}
