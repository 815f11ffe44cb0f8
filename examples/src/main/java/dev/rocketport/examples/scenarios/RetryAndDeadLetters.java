package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Retries and the dead-letter queue: a handler fails a poison message; it is retried on the
 * broker's ladder, parked in {@code %DLQ%<group>} after 3 attempts, then — the bug fixed —
 * redriven and handled.
 */
public final class RetryAndDeadLetters implements Scenario {
  @Override
  public String name() {
    return "retry-dlq";
  }

  @Override
  public String description() {
    return "poison message retried, dead-lettered after 3 attempts, redriven and handled";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("RetryTopic", 2);
    ConsumerGroup group = ctx.group("retry");
    AtomicBoolean fixed = new AtomicBoolean();
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    var spec = SubscriptionSpec.builder(topic, group).maxRetries(2).build();
    try (var subscription = ctx.messaging().subscriber().subscribe(spec, m -> {
      attempts.add(m.deliveryAttempt());
      return fixed.get() ? HandlerResult.success() : HandlerResult.retry();
    })) {
      ctx.messaging().publisher().send(Message.builder(topic).body("poison").key("poison-1").build());
      var admin = ctx.messaging().admin();
      boolean parked = ctx.await(Duration.ofMinutes(10), () -> admin.deadLetters(group, 10).get().size() == 1);
      ctx.say("attempts before dead-lettering: " + attempts);
      fixed.set(true);
      int redriven = admin.redriveDeadLetters(group).getOrElse(0);
      boolean handled = ctx.await(Duration.ofSeconds(60), () -> attempts.size() >= 4);
      boolean emptied = admin.deadLetters(group, 10).get().isEmpty();
      return Outcome.check(parked && redriven == 1 && handled && emptied
          && attempts.subList(0, 3).equals(List.of(1, 2, 3)),
          "attempts " + attempts + ", parked in %DLQ%" + group + ", redriven " + redriven + ", DLQ empty: " + emptied);
    }
  }
}
