package dev.rocketport.examples.payments;

import dev.rocketport.idempotency.InMemoryIdempotencyStore;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.Topic;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The payments application's test, written once against the API: 20 payments are paid, and each must
 * be charged exactly once. It runs on any runtime — the plain in-memory adapter, a simulation of it
 * (the kit's {@code Simulation}), a real broker. Stateless.
 */
public final class PaymentsCheck {
  /** How many payments one check pays. */
  public static final int PAYMENTS = 20;

  /** Which of the application's handlers to test. */
  public enum Handler {
    /** Charges on every delivery. */
    NAIVE,
    /** Charges each payment id once. */
    IDEMPOTENT
  }

  private PaymentsCheck() {}

  /**
   * Pays {@value #PAYMENTS} payments to the application with {@code handler} on {@code messaging}
   * (creating topic {@code Payments}), waits on {@code time} until every payment was charged, and
   * checks each was charged once.
   *
   * @throws IllegalStateException naming the payments charged more than once, or never
   */
  public static void eachPaymentChargedOnce(Messaging messaging, Waiting time, Handler handler) {
    Topic topic = messaging.admin().createTopic(Topic.of("Payments"), 4)
        .getOrElseThrow(f -> new IllegalStateException(f.description()));
    eachPaymentChargedOnce(messaging, time, handler, topic, ConsumerGroup.of("ledger"));
  }

  /** As {@link #eachPaymentChargedOnce(Messaging, Waiting, Handler)}, on an existing topic and group. */
  public static void eachPaymentChargedOnce(Messaging messaging, Waiting time, Handler handler, Topic topic,
      ConsumerGroup group) {
    try (PaymentsApp app = handler == Handler.NAIVE ? PaymentsApp.naive(messaging, topic, group)
        : PaymentsApp.idempotent(messaging, topic, group, InMemoryIdempotencyStore.of(10_000, Duration.ofDays(1)))) {
      IntStream.range(0, PAYMENTS).forEach(i -> PaymentsApp.pay(messaging, topic, "p-" + i, time));
      time.awaitUntil(() -> app.charges().size() == PAYMENTS, Duration.ofHours(1));
      time.holdsFor(() -> true, Duration.ofSeconds(5)); // then let redeliveries in flight arrive
      Map<String, Integer> wrong = app.charges().entrySet().stream().filter(e -> e.getValue() != 1)
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      if (app.charges().size() != PAYMENTS || !wrong.isEmpty()) {
        throw new IllegalStateException("payments charged other than once: " + wrong + ", never charged: "
            + (PAYMENTS - app.charges().size()));
      }
    }
  }
}
