package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Collector;
import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;

/** Backlog monitoring: lag grows while the consumer is away and drains to 0 when it returns. */
public final class Backlog implements Scenario {
  @Override
  public String name() {
    return "backlog";
  }

  @Override
  public String description() {
    return "lag grows to 50 while the consumer is paused, drains to 0 when it resumes";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("BacklogTopic", 4);
    var spec = SubscriptionSpec.builder(topic, ctx.group("backlog")).build();
    var admin = ctx.messaging().admin();
    for (int i = 0; i < 50; i++) {
      ctx.messaging().publisher().send(Message.of(topic, "pending " + i));
    }
    boolean grew = ctx.await(Duration.ofSeconds(30),
        () -> admin.backlog(topic, spec.group()).map(b -> b.total()).getOrElse(-1L) == 50);
    ctx.say("backlog while paused: " + admin.backlog(topic, spec.group()).map(b -> b.total()).getOrElse(-1L));
    Collector collector = new Collector();
    try (var subscription = ctx.messaging().subscriber().subscribe(spec, collector)) {
      boolean drained = ctx.await(Duration.ofSeconds(60),
          () -> admin.backlog(topic, spec.group()).map(b -> b.total()).getOrElse(-1L) == 0);
      return Outcome.check(grew && drained && collector.size() >= 50,
          "backlog 50 while paused → 0 after consuming " + collector.size());
    }
  }
}
