package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.interception.Interceptors;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What every port of one adapter runtime shares, made once by {@link AbstractMessaging} and handed
 * to each base class: the adapter's {@link Capabilities}, its clock (virtual for an in-memory
 * broker that drives time), whether the runtime is closed, and the runtime's interceptors.
 * Immutable; thread-safe if the clock and the closed flag are (those of {@link AbstractMessaging} are).
 *
 * @param clock the adapter's notion of now, against which delays and start positions are checked
 * @param closed whether the runtime is closed; every port refuses new work from then on
 * @param interceptors the runtime's publish interceptors and handler middleware
 */
public record AdapterContext(Capabilities capabilities, Supplier<Instant> clock, BooleanSupplier closed,
    Interceptors interceptors) {

  public boolean isClosed() {
    return closed.getAsBoolean();
  }

  public Instant now() {
    return clock.get();
  }
}
