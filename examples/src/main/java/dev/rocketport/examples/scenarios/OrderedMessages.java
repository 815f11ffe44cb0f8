package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Collector;
import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed case 2: three orders' steps, the order id as sharding key. Unlike the seed (which consumed
 * them with a concurrent listener and lost the order), an ORDERLY subscription consumes them.
 */
public final class OrderedMessages implements Scenario {
  @Override
  public String name() {
    return "ordered";
  }

  @Override
  public String description() {
    return "3 orders x steps, order id as sharding key, ORDERLY subscription keeps each order's sequence";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("OrderTopic", 4);
    Collector collector = new Collector();
    var spec = SubscriptionSpec.builder(topic, ctx.group("ordered")).orderly().concurrency(3).build();
    try (var subscription = ctx.messaging().subscriber().subscribe(spec, collector)) {
      int total = 30;
      for (int i = 0; i < total; i++) {
        String orderId = "ORDER_" + (i % 3);
        ctx.messaging().orderedPublisher().send(Message.builder(topic).body(orderId + ":" + i).key(orderId).build(),
            ShardingKey.of(orderId)).getOrElseThrow(f -> new IllegalStateException(f.description()));
      }
      boolean all = ctx.await(Duration.ofSeconds(60), () -> collector.size() >= total);
      Map<String, List<Integer>> steps = new LinkedHashMap<>();
      for (String body : collector.bodies()) {
        String[] parts = body.split(":");
        steps.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
      }
      boolean inOrder = steps.values().stream().allMatch(OrderedMessages::ascending);
      ctx.say("steps per order as consumed: " + steps);
      return Outcome.check(all && inOrder && steps.size() == 3,
          collector.size() + "/" + total + " received, 3 orders each in sequence: " + inOrder);
    }
  }

  private static boolean ascending(List<Integer> steps) {
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i) <= steps.get(i - 1)) {
        return false;
      }
    }
    return true;
  }
}
