package dev.rocketport.messaging.tck;

import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.testing.Waiting;
import java.time.Duration;

/**
 * What the conformance suite needs from an adapter: runtimes to test, and the adapter's notion of
 * time as a {@link Waiting} — an adapter on a virtual clock moves time itself; one on the wall clock
 * polls ({@link Waiting#wallClock()}). The suite waits in no other way, but for what a thread does
 * on its own in wall time (an interrupted handler running its catch block).
 */
public interface AdapterFixture extends Waiting, AutoCloseable {

  /** A new runtime applying {@code interceptors}; the suite closes it. */
  Messaging newMessaging(Interceptors interceptors);

  /** A new runtime without interceptors; the suite closes it. */
  default Messaging newMessaging() {
    return newMessaging(Interceptors.none());
  }

  /** How early, at most, a timed event may happen on this adapter (delay precision). */
  Duration timingTolerance();

  /** How long a "nothing else arrives" observation lasts on this adapter. */
  Duration quietWindow();

  @Override
  void close();
}
