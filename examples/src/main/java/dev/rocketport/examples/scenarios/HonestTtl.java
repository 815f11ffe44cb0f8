package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An honest TTL. RocketMQ has no message expiry (the seed names one anyway), so the publisher sets an
 * {@value #EXPIRES_AT} header and the subscriber skips — and counts — messages that arrive after it.
 */
public final class HonestTtl implements Scenario {
  static final String EXPIRES_AT = "expires-at";

  @Override
  public String name() {
    return "ttl";
  }

  @Override
  public String description() {
    return "expiry header set by the publisher; expired messages skipped and counted by the subscriber";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("TtlTopic", 2);
    AtomicInteger handled = new AtomicInteger();
    AtomicInteger expired = new AtomicInteger();
    try (var subscription = ctx.messaging().subscriber().subscribe(
        SubscriptionSpec.builder(topic, ctx.group("ttl")).build(), m -> {
          Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(m.header(EXPIRES_AT).getOrElse("9223372036854775807")));
          (ctx.now().isAfter(expiresAt) ? expired : handled).incrementAndGet();
          return HandlerResult.success();
        })) {
      Instant now = ctx.now();
      ctx.messaging().publisher().send(Message.builder(topic).body("fresh")
          .header(EXPIRES_AT, String.valueOf(now.plus(Duration.ofMinutes(5)).toEpochMilli())).build());
      ctx.messaging().publisher().send(Message.builder(topic).body("stale: expires before its delayed delivery")
          .header(EXPIRES_AT, String.valueOf(now.plusSeconds(1).toEpochMilli()))
          .deliverAfter(Duration.ofSeconds(3)).build());
      boolean both = ctx.await(Duration.ofSeconds(60), () -> handled.get() + expired.get() >= 2);
      return Outcome.check(both && handled.get() == 1 && expired.get() == 1,
          "handled " + handled.get() + ", skipped as expired " + expired.get());
    }
  }
}
