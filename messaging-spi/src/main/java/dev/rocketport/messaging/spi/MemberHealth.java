package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.health.Health;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** One subscription's record for the health check: messages handled and the handler's last error. Thread-safe. */
final class MemberHealth {
  private final SubscriptionSpec spec;
  private final AtomicLong handled = new AtomicLong();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private volatile @Nullable Subscription subscription;
  private final @Nullable CircuitState circuit;

  MemberHealth(SubscriptionSpec spec, @Nullable CircuitState circuit) {
    this.spec = spec;
    this.circuit = circuit;
  }

  void started(Subscription subscription) {
    this.subscription = subscription;
  }

  /** Whether the subscription started and has not been closed. */
  boolean active() {
    Subscription s = subscription;
    return s != null && s.isActive();
  }

  void handled(int messages) {
    handled.addAndGet(messages);
  }

  void failed(Throwable error) {
    lastError.set(Instant.now() + " " + error);
  }

  Health.Component component() {
    String error = lastError.get();
    boolean open = circuit != null && circuit.isOpen();
    return new Health.Component("subscription " + spec.group() + " on " + spec.topic(),
        open ? Health.Status.DOWN : Health.Status.UP, handled.get() + " messages handled"
            + (open ? "; circuit open (handler failing), paused" : "")
            + (error == null ? "" : "; last handler error " + error));
  }
}
