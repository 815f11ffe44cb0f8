package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.CircuitBreaker;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.FailurePolicy;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.messaging.health.Health;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resilience policies instead of retry loops in the handler: the ledger a payment handler writes to
 * goes down, three failed calls open the subscription's circuit breaker, and the subscription pauses
 * — no handler calls, no retries spent — until the breaker half-opens, finds the ledger back and
 * closes; every payment is then handled. The failure policy rejects a malformed payment at once
 * instead of retrying it sixteen times.
 */
public final class Resilience implements Scenario {
  private static final int PAYMENTS = 8;

  @Override
  public String name() {
    return "resilience";
  }

  @Override
  public String description() {
    return "a failing dependency trips the circuit breaker: the subscription pauses without burning retries, "
        + "then recovers; a malformed message is rejected by the failure policy";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("Payments", 1);
    ConsumerGroup group = ctx.group("ledger-sync");
    AtomicBoolean ledgerUp = new AtomicBoolean();
    AtomicInteger calls = new AtomicInteger();
    Map<String, Integer> attempts = new ConcurrentHashMap<>();
    List<String> booked = new CopyOnWriteArrayList<>();
    var spec = SubscriptionSpec.builder(topic, group).concurrency(1)
        .failurePolicy(FailurePolicy.builder().reject(IllegalArgumentException.class).build())
        .circuitBreaker(new CircuitBreaker(3, 3, Duration.ofSeconds(2)))
        .build();
    try (var subscription = ctx.messaging().subscriber().subscribe(spec, m -> {
      calls.incrementAndGet();
      attempts.merge(m.bodyAsString(), m.deliveryAttempt(), Math::max);
      if (m.bodyAsString().equals("amount=abc")) {
        throw new IllegalArgumentException("amount is not a number");
      }
      if (!ledgerUp.get()) {
        throw new IllegalStateException("ledger unavailable");
      }
      booked.add(m.bodyAsString());
      return dev.rocketport.messaging.HandlerResult.success();
    })) {
      ctx.messaging().publisher().send(Message.builder(topic).body("amount=abc").build());
      for (int i = 1; i <= PAYMENTS; i++) {
        ctx.messaging().publisher().send(Message.builder(topic).body("payment-" + i).build());
      }
      String component = "subscription " + group + " on " + topic;
      boolean opened = ctx.await(Duration.ofSeconds(60), () -> circuitOpen(ctx, component));
      int callsAtOpen = calls.get();
      ctx.say("the ledger is down: the circuit opened after " + callsAtOpen + " handler calls");
      boolean quiet = !ctx.await(Duration.ofSeconds(1), () -> calls.get() > callsAtOpen);
      ctx.say("while open: " + (calls.get() - callsAtOpen) + " handler calls in a second; the ledger comes back");
      ledgerUp.set(true);
      boolean recovered = ctx.await(Duration.ofSeconds(120), () -> booked.size() == PAYMENTS
          && !circuitOpen(ctx, component) && ctx.messaging().admin().deadLetters(group, 10).get().size() == 1);
      List<DeadLetter> letters = ctx.messaging().admin().deadLetters(group, 10).get();
      int mostAttempts = attempts.entrySet().stream().filter(e -> e.getKey().startsWith("payment-"))
          .mapToInt(Map.Entry::getValue).max().orElse(0);
      boolean rejectedAtOnce = letters.size() == 1 && letters.get(0).deliveryAttempts() == 1
          && letters.get(0).rejectReason().exists(r -> r.contains("amount is not a number"));
      ctx.say("booked " + booked.size() + "/" + PAYMENTS + ", the most deliveries a payment needed: " + mostAttempts
          + " of " + spec.maxDeliveryAttempts() + "; dead letters: "
          + letters.stream().map(l -> l.message().bodyAsString() + " (" + l.rejectReason().getOrElse("?") + ")")
              .toList());
      return Outcome.check(opened && quiet && recovered && rejectedAtOnce && mostAttempts <= 3,
          "circuit opened after " + callsAtOpen + " handler calls, quiet while open, recovered: " + booked.size() + "/"
              + PAYMENTS + " booked with at most " + mostAttempts + " deliveries each; malformed payment rejected on "
              + "its first delivery");
    }
  }

  private static boolean circuitOpen(ScenarioContext ctx, String component) {
    return ctx.messaging().healthCheck().check().components().stream().anyMatch(c -> c.name().equals(component)
        && c.status() == Health.Status.DOWN && c.detail().contains("circuit open"));
  }
}
