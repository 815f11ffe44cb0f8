package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Collector;
import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.DelayLevel;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Seed case 4: delayed messages — the seed's delay level 3 (10 s) and a plain {@code Duration} —
 * checked not to arrive early (RocketMQ timers have one-second precision).
 */
public final class DelayedMessages implements Scenario {
  private static final Duration PRECISION = Duration.ofSeconds(1);

  @Override
  public String name() {
    return "delay";
  }

  @Override
  public String description() {
    return "delay level 3 (10 s) and deliverAfter(3 s), neither early";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("DelayTopic", 4);
    Map<String, Instant> arrivals = new HashMap<>();
    Collector collector = new Collector();
    try (var subscription = ctx.messaging().subscriber().subscribe(
        SubscriptionSpec.builder(topic, ctx.group("delay")).build(), m -> {
          synchronized (arrivals) {
            arrivals.put(m.bodyAsString(), ctx.now());
          }
          return collector.handle(m);
        })) {
      Instant sent = ctx.now();
      ctx.messaging().publisher().send(Message.builder(topic).body("level-3").deliverAfter(DelayLevel.LEVEL_3).build());
      ctx.messaging().publisher().send(Message.builder(topic).body("3s").deliverAfter(Duration.ofSeconds(3)).build());
      ctx.say("two delayed messages sent; waiting for them");
      boolean both = ctx.await(Duration.ofSeconds(60), () -> collector.size() >= 2);
      Duration level = waited(arrivals, "level-3", sent);
      Duration plain = waited(arrivals, "3s", sent);
      boolean notEarly = level.compareTo(Duration.ofSeconds(10).minus(PRECISION)) >= 0
          && plain.compareTo(Duration.ofSeconds(3).minus(PRECISION)) >= 0;
      return Outcome.check(both && notEarly, "level 3 after " + level.toMillis() + " ms (≥ 10 s), 3 s after "
          + plain.toMillis() + " ms; ids " + collector.received().stream().map(ReceivedMessage::messageId)
          .map(id -> id.substring(0, 8)).toList());
    }
  }

  private static Duration waited(Map<String, Instant> arrivals, String body, Instant sent) {
    synchronized (arrivals) {
      Instant at = arrivals.get(body);
      return at == null ? Duration.ZERO : Duration.between(sent, at);
    }
  }
}
