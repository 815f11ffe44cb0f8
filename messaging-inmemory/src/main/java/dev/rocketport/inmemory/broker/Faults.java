package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.SubscriptionSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The simulated broker's dice: decides, from the seed, whether a {@link Fault} happens at an
 * opportunity, records each one injected (in the {@link Journal} too) and keeps the outage window.
 * {@link #none()} never injects and draws no random numbers. Guarded by the broker lock (the
 * simulation runs on one thread at a time).
 */
final class Faults {
  private final FaultPlan plan;
  private final @Nullable SplittableRandom random;
  private final Journal journal;
  private final List<InjectedFault> injected = new ArrayList<>();
  private Instant outageUntil = Instant.MIN;

  Faults(FaultPlan plan, @Nullable SplittableRandom random, Journal journal) {
    this.plan = plan;
    this.random = random;
    this.journal = journal;
  }

  static Faults none() {
    return new Faults(FaultPlan.none(), null, new Journal(0));
  }

  FaultPlan plan() {
    return plan;
  }

  /** Whether {@code fault} happens now, at its global rate (see {@link #roll(Fault, double, Instant, String)}). */
  boolean roll(Fault fault, Instant at, String subject) {
    return roll(fault, plan.rate(fault), at, subject);
  }

  /**
   * Whether {@code fault} happens now, at {@code rate}; if so it is recorded, {@code subject} naming
   * what it touched (a message id, a group's queue).
   */
  boolean roll(Fault fault, double rate, Instant at, String subject) {
    if (random == null || rate <= 0 || random.nextDouble() >= rate) {
      return false;
    }
    injected.add(new InjectedFault(at, fault, subject));
    journal.record(at, subject, Journal.Kind.FAULT, fault.name());
    return true;
  }

  /** How late a timed message due at {@code due} arrives: zero, or up to the plan's lateness. */
  Instant arrival(Instant due, Instant now, String messageId) {
    if (!roll(Fault.LATE_DELIVERY, now, messageId)) {
      return due;
    }
    return due.plus(upTo(plan.maxLateness()));
  }

  /** Whether the broker is unreachable at {@code now}. */
  boolean unavailable(Instant now) {
    return now.isBefore(outageUntil);
  }

  /** Whether an outage ever began: until one does, dispatching need not read the clock to ask. */
  boolean anyOutage() {
    return outageUntil != Instant.MIN;
  }

  /** Whether an outage begins with the send at {@code now}; if so, until when it lasts. */
  @Nullable Instant outageBegins(Instant now, String subject) {
    if (!roll(Fault.BROKER_OUTAGE, now, subject)) {
      return null;
    }
    outageUntil = now.plus(upTo(plan.maxOutage()));
    return outageUntil;
  }

  /**
   * Refuses a subscription of a group the plan declares with another delivery mode or ordering: its
   * faults were chosen for that shape.
   */
  void admit(SubscriptionSpec spec) {
    FaultPlan.GroupFaults declared = plan.groups().get(spec.group());
    if (declared != null && (declared.deliveryMode() != spec.deliveryMode() || declared.ordering() != spec.ordering())) {
      throw new InvalidArgumentException("faults", "the fault plan declares group '" + spec.group().name() + "' "
          + declared.deliveryMode() + " " + declared.ordering() + ", but it subscribes " + spec.deliveryMode() + " "
          + spec.ordering());
    }
  }

  /** A duration in (0, max], to the millisecond. */
  private Duration upTo(Duration max) {
    return Duration.ofMillis(1 + java.util.Objects.requireNonNull(random).nextLong(Math.max(1, max.toMillis())));
  }

  List<InjectedFault> injected() {
    return List.copyOf(injected);
  }
}
