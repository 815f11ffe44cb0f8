package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.DeadLetter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reject: a handler that meets a message it can never handle (a schema version it does not know)
 * dead-letters it at once with {@code HandlerResult.reject(reason)}; its neighbours are handled,
 * and the letter says why it was parked.
 */
public final class Rejects implements Scenario {
  @Override
  public String name() {
    return "reject";
  }

  @Override
  public String description() {
    return "a message no retry can fix is dead-lettered at once, with the handler's reason";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("Events", 2);
    ConsumerGroup group = ctx.group("projector");
    List<String> handled = new CopyOnWriteArrayList<>();
    List<Integer> poisonAttempts = new CopyOnWriteArrayList<>();
    var spec = SubscriptionSpec.builder(topic, group).build();
    try (var subscription = ctx.messaging().subscriber().subscribe(spec, m -> {
      String schema = m.header("schema").getOrElse("1");
      if (!schema.equals("1")) {
        poisonAttempts.add(m.deliveryAttempt());
        return HandlerResult.reject("schema version " + schema + " is unknown to this projector");
      }
      handled.add(m.bodyAsString());
      return HandlerResult.success();
    })) {
      for (String event : List.of("created", "renamed", "archived")) {
        ctx.messaging().publisher().send(Message.builder(topic).body(event).header("schema", "1").build());
      }
      ctx.messaging().publisher().send(Message.builder(topic).body("from-the-future").header("schema", "9")
          .key("event-9").build());
      var admin = ctx.messaging().admin();
      boolean done = ctx.await(Duration.ofSeconds(60),
          () -> handled.size() == 3 && admin.deadLetters(group, 10).get().size() == 1);
      List<DeadLetter> letters = admin.deadLetters(group, 10).get();
      ctx.say("handled " + handled + "; rejected on attempt(s) " + poisonAttempts);
      letters.forEach(l -> ctx.say("dead letter " + l.message().keys() + ": " + l.rejectReason().getOrElse("?")));
      boolean parkedWithReason = letters.size() == 1 && letters.get(0).deliveryAttempts() == 1
          && letters.get(0).rejectReason().contains("schema version 9 is unknown to this projector");
      return Outcome.check(done && parkedWithReason && poisonAttempts.equals(List.of(1)),
          "3 handled, the unknown schema dead-lettered after " + poisonAttempts.size()
              + " delivery with its reason, no retries spent");
    }
  }
}
