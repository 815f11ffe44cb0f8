package dev.rocketport.messaging.tck;

import dev.rocketport.messaging.Messaging;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * What the conformance suite needs from an adapter: runtimes to test, and the adapter's notion of
 * time. An adapter on a virtual clock moves time itself; one on the wall clock polls.
 *
 * <p>{@link #awaitUntil} and {@link #holdsFor} are the only ways the suite waits: every wait has a
 * deadline, none is a bare sleep.
 */
public interface AdapterFixture extends AutoCloseable {

  /** A new runtime; the suite closes it. */
  Messaging newMessaging();

  /** The adapter's current time (virtual or wall). */
  Instant now();

  /** Waits (or advances virtual time) until {@code condition} holds, at most {@code budget}; returns whether it did. */
  boolean awaitUntil(BooleanSupplier condition, Duration budget);

  /**
   * Lets {@code window} of time pass while checking {@code invariant}; returns false as soon as it
   * breaks. Used for "never delivered" assertions.
   */
  boolean holdsFor(BooleanSupplier invariant, Duration window);

  /** How early, at most, a timed event may happen on this adapter (delay precision). */
  Duration timingTolerance();

  /** How long a "nothing else arrives" observation lasts on this adapter. */
  Duration quietWindow();

  @Override
  void close();
}
