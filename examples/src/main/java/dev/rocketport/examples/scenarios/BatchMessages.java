package dev.rocketport.examples.scenarios;

import java.util.Set;
import dev.rocketport.messaging.Feature;
import dev.rocketport.examples.Collector;
import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.BatchResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed case 5: batch messages — the seed's 10, and (which the seed never handles) a batch larger
 * than RocketMQ's 4 MiB limit, split automatically, with a result per entry.
 */
public final class BatchMessages implements Scenario {
  @Override
  public String name() {
    return "batch";
  }

  @Override
  public Set<Feature> requires() {
    return Set.of(Feature.BATCH_SEND);
  }

  @Override
  public String description() {
    return "10 messages in one batch, and a 6 MiB batch split automatically under 4 MiB";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("BatchTopic", 4);
    Collector collector = new Collector();
    try (var subscription = ctx.messaging().subscriber()
        .subscribe(SubscriptionSpec.builder(topic, ctx.group("batch")).build(), collector)) {
      List<Message> ten = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ten.add(Message.of(topic, "Batch message " + i));
      }
      BatchResult small = ctx.messaging().publisher().sendBatch(ten);
      List<Message> large = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        large.add(Message.builder(topic).body(new byte[512 * 1024]).key("large-" + i).build());
      }
      BatchResult big = ctx.messaging().publisher().sendBatch(large);
      ctx.say("batch of 10: " + small.receipts().size() + " receipts; 6 MiB batch: " + big.receipts().size()
          + " receipts, " + big.failures().size() + " failures");
      boolean all = ctx.await(Duration.ofSeconds(60), () -> collector.size() >= 22);
      return Outcome.check(small.allSent() && big.allSent() && all, "10/10 and 12/12 entries sent (6 MiB split), "
          + collector.size() + "/22 received");
    }
  }
}
