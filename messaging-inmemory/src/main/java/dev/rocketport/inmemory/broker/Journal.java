package dev.rocketport.inmemory.broker;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A bounded record of each message's lifecycle in the in-memory broker, for tests that want to
 * see what happened ("sent, delivered, retried twice, dead-lettered"). Keeps the newest
 * {@code capacity} events. Thread-safe.
 */
public final class Journal {

  /** What happened to a message. */
  public enum Kind {
    SENT, SCHEDULED, DELIVERED, ACKNOWLEDGED, RETRY_SCHEDULED, DEAD_LETTERED, DROPPED, HALF_STORED, COMMITTED,
    ROLLED_BACK, CHECKED, ABANDONED, REDRIVEN,
    /** A simulated {@link Fault}; the event's detail names it. */
    FAULT
  }

  /** One lifecycle event. */
  public record Event(Instant at, String messageId, Kind kind, String detail) {}

  private final int capacity;
  private final ArrayDeque<Event> events = new ArrayDeque<>();

  Journal(int capacity) {
    this.capacity = capacity;
  }

  /** Whether events are kept at all; callers skip building details when not. */
  boolean enabled() {
    return capacity > 0;
  }

  void record(Instant at, String messageId, Kind kind, String detail) {
    if (capacity == 0) {
      return;
    }
    synchronized (events) {
      if (events.size() == capacity) {
        events.removeFirst();
      }
      events.addLast(new Event(at, messageId, kind, detail));
    }
  }

  /** All events kept, oldest first. */
  public List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** The events of one message, oldest first. */
  public List<Event> eventsOf(String messageId) {
    return events().stream().filter(e -> e.messageId().equals(messageId)).toList();
  }

  /** How many kept events are of {@code kind}. */
  public long count(Kind kind) {
    return events().stream().filter(e -> e.kind() == kind).count();
  }
}
