package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.RateLimit;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link RateLimit}: a subscription handles no more messages per second than its limit, on the adapter's clock. */
public abstract class RateLimitCases extends TckCases {

  @Test
  @DisplayName("a backlog is handled at the limit's pace: n messages at r per second take (n - burst) / r, "
      + "within 10 %, and every message is handled")
  void backlogHandledAtThePace() {
    Topic topic = ctx().topic();
    int messages = 13;
    double perSecond = 4; // burst 1
    for (int i = 0; i < messages; i++) {
      ctx().sent(text(topic, "m" + i));
    }
    Inbox inbox = inbox();
    SubscriptionSpec spec = spec(topic).concurrency(4).rateLimit(RateLimit.perSecond(perSecond)).build();
    subscribe(spec, inbox);
    ctx().await("every message handled", () -> inbox.size() >= messages);
    List<Instant> at = inbox.deliveries().stream().map(Inbox.Delivery::at).sorted().toList();
    Duration span = Duration.between(at.get(0), at.get(messages - 1));
    Duration expected = Duration.ofMillis((long) ((messages - 1) / perSecond * 1000));
    assertTrue(span.compareTo(expected.multipliedBy(9).dividedBy(10)) >= 0,
        "no faster than the limit: " + span + " for " + messages + " messages, expected " + expected);
    assertTrue(span.compareTo(expected.multipliedBy(11).dividedBy(10).plus(ctx().fixture().timingTolerance())) <= 0,
        "no slower than the limit needs: " + span + " for " + messages + " messages, expected " + expected);
  }
}
