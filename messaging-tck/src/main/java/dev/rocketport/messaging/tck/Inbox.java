package dev.rocketport.messaging.tck;

import dev.rocketport.messaging.BatchMessageHandler;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.ReceivedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects what a subscription delivered, with the time of each delivery; answers with a verdict
 * chosen per message (success unless told otherwise; a batch with its first message's verdict that is
 * not success). Thread-safe.
 */
public final class Inbox {
  /** One delivery: the message and when the handler saw it. */
  public record Delivery(ReceivedMessage message, Instant at, String thread) {}

  private final List<Delivery> deliveries = new ArrayList<>();
  private final List<Integer> batchSizes = new ArrayList<>();
  private final Supplier<Instant> clock;
  private volatile Function<ReceivedMessage, HandlerResult> verdict = m -> HandlerResult.success();

  public Inbox(Supplier<Instant> clock) {
    this.clock = clock;
  }

  /** Answers each message with {@code verdict} (which may throw, to test exception handling). */
  public Inbox answering(Function<ReceivedMessage, HandlerResult> verdict) {
    this.verdict = verdict;
    return this;
  }

  public MessageHandler handler() {
    return message -> {
      record(List.of(message));
      return verdict.apply(message);
    };
  }

  public BatchMessageHandler batchHandler() {
    return messages -> {
      record(messages);
      HandlerResult result = HandlerResult.success();
      for (ReceivedMessage m : messages) {
        HandlerResult one = verdict.apply(m);
        if (result instanceof HandlerResult.Success) {
          result = one;
        }
      }
      return result;
    };
  }

  private void record(List<ReceivedMessage> messages) {
    Instant now = clock.get();
    synchronized (this) {
      batchSizes.add(messages.size());
      messages.forEach(m -> deliveries.add(new Delivery(m, now, Thread.currentThread().getName())));
    }
  }

  public synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  public synchronized List<ReceivedMessage> messages() {
    return deliveries.stream().map(Delivery::message).toList();
  }

  public synchronized int size() {
    return deliveries.size();
  }

  public synchronized List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  /** Distinct message ids delivered. */
  public synchronized Set<String> ids() {
    Set<String> ids = new LinkedHashSet<>();
    deliveries.forEach(d -> ids.add(d.message().messageId()));
    return ids;
  }

  /** Bodies in delivery order. */
  public synchronized List<String> bodies() {
    List<String> bodies = new ArrayList<>();
    deliveries.forEach(d -> bodies.add(d.message().bodyAsString()));
    return bodies;
  }

  /** Deliveries of the message with {@code id}, in order. */
  public synchronized List<Delivery> of(String id) {
    return deliveries.stream().filter(d -> d.message().messageId().equals(id)).toList();
  }

  public synchronized boolean contains(String id) {
    return deliveries.stream().anyMatch(d -> d.message().messageId().equals(id));
  }
}
