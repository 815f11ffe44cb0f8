package dev.rocketport.bench.faults;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Scenario f: a handler hangs, ignoring interrupts, on the first delivery of every 20th message. With
 * a handler timeout each hung call is abandoned and its message redelivered, so every message is
 * handled; then, with a call hanging, {@code close()} must return within its timeout and the group's
 * next member must get that message. Recovery is how long that close took.
 */
final class HangingHandlerScenario {
  private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private HangingHandlerScenario() {}

  static FaultRow run(String adapter, Messaging messaging, Topic topic, FaultSizes sizes) {
    Tally tally = new Tally();
    Map<String, Integer> handled = new ConcurrentHashMap<>();
    AtomicBoolean release = new AtomicBoolean();
    Set<String> hanging = ConcurrentHashMap.newKeySet();
    SubscriptionSpec spec = SubscriptionSpec.builder(topic, ConsumerGroup.of("hanging-" + adapter))
        .handlerTimeout(HANDLER_TIMEOUT).closeTimeout(CLOSE_TIMEOUT).maxRetries(3).build();
    try {
      Subscription first = messaging.subscriber().subscribe(spec, m -> {
        int n = Integer.parseInt(m.bodyAsString().substring(2));
        if (m.deliveryAttempt() == 1 && (n % 20 == 0 || n == sizes.hangingMessages())) {
          hanging.add(m.bodyAsString());
          while (!release.get()) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
          }
        }
        handled.merge(m.bodyAsString(), 1, Integer::sum);
        return HandlerResult.success();
      });
      for (int i = 0; i < sizes.hangingMessages(); i++) {
        String body = "f-" + i;
        tally.record(body, messaging.publisher().send(Message.of(topic, body)));
      }
      Set<String> expected = tally.acknowledged();
      Deadline.require("every message handled despite the hung calls", () -> handled.keySet().containsAll(expected),
          Duration.ofSeconds(120));
      String last = "f-" + sizes.hangingMessages();
      tally.record(last, messaging.publisher().send(Message.of(topic, last)));
      Deadline.require("the last message's call to hang", () -> hanging.contains(last), Duration.ofSeconds(60));
      long closing = System.nanoTime();
      first.close();
      Duration closeTook = Duration.ofNanos(System.nanoTime() - closing);
      if (closeTook.compareTo(CLOSE_TIMEOUT) >= 0) {
        throw new IllegalStateException("close took " + closeTook.toMillis() + " ms with a call hanging");
      }
      try (Subscription next = messaging.subscriber().subscribe(spec, m -> {
        handled.merge(m.bodyAsString(), 1, Integer::sum);
        return HandlerResult.success();
      })) {
        Deadline.require("the hung message at the next member", () -> handled.containsKey(last), Duration.ofSeconds(60));
      }
      Map<String, Integer> handledOnce = Map.copyOf(handled);
      return FaultRow.of("f. hanging handler", adapter, tally, handledOnce, closeTook, String.format(
          "handler timeout %d ms; %d calls hung; close with one hanging took %d ms", HANDLER_TIMEOUT.toMillis(),
          sizes.hangingMessages() / 20 + 1, closeTook.toMillis()));
    } finally {
      release.set(true);
    }
  }
}
