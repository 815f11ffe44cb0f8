package dev.rocketport.bench.faults;

import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The publishing side of a fault scenario's accounting: every send's outcome, by the message's
 * unique body — acknowledged, failed definitely (nothing stored), or unknown (perhaps stored) — and
 * when sends last succeeded, for the gaps a fault leaves. Thread-safe.
 */
final class Tally {
  private final AtomicLong sent = new AtomicLong();
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final Set<String> unknown = ConcurrentHashMap.newKeySet();
  private final Set<String> definite = ConcurrentHashMap.newKeySet();
  private final AtomicLong longestSend = new AtomicLong();
  private final Map<String, Long> failureKinds = new ConcurrentHashMap<>();
  private final long started = System.nanoTime();
  private final AtomicLong lastAck = new AtomicLong(System.nanoTime());
  private final AtomicLong longestGap = new AtomicLong();
  private volatile String lastFailure = "none";

  /** Records the outcome of sending {@code body}. */
  void record(String body, Either<PublishFailure, SendReceipt> outcome) {
    record(body, outcome, Duration.ZERO);
  }

  /** Records the outcome of sending {@code body}, which took {@code took} to come back. */
  void record(String body, Either<PublishFailure, SendReceipt> outcome, Duration took) {
    sent.incrementAndGet();
    longestSend.accumulateAndGet(took.toNanos(), Math::max);
    if (outcome.isRight()) {
      acknowledged.add(body);
      long now = System.nanoTime();
      long previous = lastAck.getAndSet(now);
      longestGap.accumulateAndGet(now - previous, Math::max);
      return;
    }
    PublishFailure failure = outcome.getLeft();
    failureKinds.merge(failure.getClass().getSimpleName(), 1L, Long::sum);
    lastFailure = failure.toString();
    if (failure.outcomeUnknown()) {
      unknown.add(body);
    } else {
      definite.add(body);
    }
  }

  /** The latest failure, for a scenario's report when it gives up waiting. */
  String lastFailure() {
    return lastFailure;
  }

  long sent() {
    return sent.get();
  }

  Set<String> acknowledged() {
    return Set.copyOf(acknowledged);
  }

  int acknowledgedCount() {
    return acknowledged.size();
  }

  Set<String> unknown() {
    return Set.copyOf(unknown);
  }

  long definite() {
    return definite.size();
  }

  /** The bodies whose sends failed definitely: none of them may be stored. */
  Set<String> definiteBodies() {
    return Set.copyOf(definite);
  }

  /** The longest a send took to come back, among those recorded with their time. */
  Duration longestSend() {
    return Duration.ofNanos(longestSend.get());
  }

  /** Failures by kind, e.g. {@code BrokerUnavailable=12}. */
  Map<String, Long> failureKinds() {
    return Map.copyOf(failureKinds);
  }

  /** The longest time between two acknowledgements so far. */
  Duration longestGap() {
    return Duration.ofNanos(longestGap.get());
  }

  /** When the last acknowledgement came, as {@link System#nanoTime()}. */
  long lastAckNanos() {
    return lastAck.get();
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
