package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.idempotency.IdempotentHandling;
import dev.rocketport.idempotency.InMemoryIdempotencyStore;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idempotent consumer: payments keyed by a business id. A producer's resend delivers one payment
 * twice, and one payment's first attempt fails; with {@link IdempotentHandling} each payment is
 * charged exactly once — the resend is recognised and skipped, the failed attempt is not recorded, so
 * its redelivery charges.
 */
public final class IdempotentConsumer implements Scenario {
  @Override
  public String name() {
    return "idempotent";
  }

  @Override
  public String description() {
    return "a resent and a redelivered payment each take effect once (IdempotentHandling, keyed by payment id)";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("Payments", 2);
    IdempotentHandling once = IdempotentHandling.byKey(InMemoryIdempotencyStore.of(100_000, Duration.ofHours(24)),
        m -> m.header("paymentId").getOrNull());
    Map<String, AtomicInteger> charged = new ConcurrentHashMap<>();
    List<String> attempts = new CopyOnWriteArrayList<>();
    var spec = SubscriptionSpec.builder(topic, ctx.group("ledger")).middleware(once).build();
    try (var subscription = ctx.messaging().subscriber().subscribe(spec, m -> {
      String payment = m.header("paymentId").get();
      attempts.add(payment + "#" + m.deliveryAttempt());
      if (payment.equals("p-2") && m.deliveryAttempt() == 1) {
        throw new IllegalStateException("the ledger database blinked");
      }
      charged.computeIfAbsent(payment, p -> new AtomicInteger()).incrementAndGet();
      return HandlerResult.success();
    })) {
      for (String payment : List.of("p-1", "p-2", "p-1")) {
        ctx.messaging().publisher().send(Message.builder(topic).body("charge 10 EUR").header("paymentId", payment)
            .build());
      }
      boolean settled = ctx.await(Duration.ofMinutes(2),
          () -> charged.size() == 2 && charged.values().stream().allMatch(c -> c.get() == 1)
              && once.duplicatesSkipped() == 1);
      ctx.say("handler calls " + attempts + "; skipped as duplicates: " + once.duplicatesSkipped());
      boolean exactlyOnce = charged.values().stream().allMatch(c -> c.get() == 1) && charged.size() == 2;
      return Outcome.check(settled && exactlyOnce && attempts.contains("p-2#2"),
          "3 deliveries of 2 payments + 1 failed attempt: each payment charged once, the resend skipped");
    }
  }
}
