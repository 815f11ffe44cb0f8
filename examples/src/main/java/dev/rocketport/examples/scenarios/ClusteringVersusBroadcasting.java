package dev.rocketport.examples.scenarios;

import dev.rocketport.messaging.Feature;
import dev.rocketport.examples.Collector;
import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The seed's two message modes side by side: two consumers of a CLUSTERING group split the
 * messages; two consumers of a BROADCASTING group each get all of them.
 */
public final class ClusteringVersusBroadcasting implements Scenario {
  private static final int COUNT = 40;

  @Override
  public String name() {
    return "clustering-broadcasting";
  }

  @Override
  public Set<Feature> requires() {
    return Set.of(Feature.BROADCASTING);
  }

  @Override
  public String description() {
    return "2 clustering consumers split the messages; 2 broadcasting consumers each get all";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("ModeTopic", 4);
    ConsumerGroup clusterGroup = ctx.group("cluster");
    ConsumerGroup broadcastGroup = ctx.group("broadcast");
    Collector c1 = new Collector();
    Collector c2 = new Collector();
    Collector b1 = new Collector();
    Collector b2 = new Collector();
    var subscriber = ctx.messaging().subscriber();
    try (var s1 = subscriber.subscribe(SubscriptionSpec.builder(topic, clusterGroup).build(), c1);
         var s2 = subscriber.subscribe(SubscriptionSpec.builder(topic, clusterGroup).build(), c2);
         var s3 = subscriber.subscribe(SubscriptionSpec.builder(topic, broadcastGroup).broadcasting().build(), b1);
         var s4 = subscriber.subscribe(SubscriptionSpec.builder(topic, broadcastGroup).broadcasting().build(), b2)) {
      for (int i = 0; i < COUNT; i++) {
        ctx.messaging().publisher().send(Message.of(topic, "m" + i));
      }
      boolean done = ctx.await(Duration.ofSeconds(60), () -> distinct(c1, c2) >= COUNT && b1.size() >= COUNT
          && b2.size() >= COUNT);
      ctx.say("clustering: " + c1.size() + " + " + c2.size() + "; broadcasting: " + b1.size() + " and " + b2.size());
      boolean split = c1.size() + c2.size() == COUNT && distinct(c1, c2) == COUNT;
      return Outcome.check(done && split, "clustering split " + c1.size() + "+" + c2.size() + "=" + COUNT
          + ", broadcasting copied " + b1.size() + " and " + b2.size());
    }
  }

  private static int distinct(Collector a, Collector b) {
    Set<String> ids = new HashSet<>();
    a.received().forEach(m -> ids.add(m.messageId()));
    b.received().forEach(m -> ids.add(m.messageId()));
    return ids.size();
  }
}
