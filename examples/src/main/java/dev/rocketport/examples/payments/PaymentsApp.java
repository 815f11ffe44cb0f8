package dev.rocketport.examples.payments;

import dev.rocketport.idempotency.IdempotencyStore;
import dev.rocketport.idempotency.IdempotentHandling;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small application to test: it charges the payments it receives, one charge per payment id. The
 * {@link #naive} variant charges on every delivery, which is right only if each message arrives once;
 * the {@link #idempotent} one charges a payment id once however often it arrives (at-least-once
 * delivery and a producer's resend both repeat it). The producer side, {@link #pay}, resends until the
 * broker has stored the payment, as it must when an outcome is unknown. Thread-safe; {@link #close()}
 * ends the subscription.
 */
public final class PaymentsApp implements AutoCloseable {
  private final Map<String, Integer> charges = new HashMap<>();
  private final Subscription subscription;

  private PaymentsApp(Messaging messaging, Topic topic, ConsumerGroup group, @Nullable IdempotentHandling once) {
    var spec = SubscriptionSpec.builder(topic, group).concurrency(4);
    if (once != null) {
      spec.middleware(once);
    }
    this.subscription = messaging.subscriber().subscribe(spec.build(), this::charge);
  }

  /** Charges on every delivery. */
  public static PaymentsApp naive(Messaging messaging, Topic topic, ConsumerGroup group) {
    return new PaymentsApp(messaging, topic, group, null);
  }

  /** Charges each payment id once, remembering charged ids in {@code store}. */
  public static PaymentsApp idempotent(Messaging messaging, Topic topic, ConsumerGroup group, IdempotencyStore store) {
    return new PaymentsApp(messaging, topic, group,
        IdempotentHandling.byKey(store, m -> m.header("paymentId").getOrNull()));
  }

  private HandlerResult charge(ReceivedMessage message) {
    synchronized (charges) {
      charges.merge(message.header("paymentId").get(), 1, Integer::sum);
    }
    return HandlerResult.success();
  }

  /** Sends payment {@code paymentId}, resending a second later (on {@code time}) until it is stored. */
  public static void pay(Messaging messaging, Topic topic, String paymentId, Waiting time) {
    Message payment = Message.builder(topic).body("charge 10 EUR").header("paymentId", paymentId).build();
    while (messaging.publisher().send(payment).isLeft()) {
      time.awaitUntil(() -> false, Duration.ofSeconds(1));
    }
  }

  /** How often each payment id was charged. */
  public Map<String, Integer> charges() {
    synchronized (charges) {
      return Map.copyOf(charges);
    }
  }

  @Override
  public void close() {
    subscription.close();
  }
}
