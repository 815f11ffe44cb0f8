package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Ordering;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which {@link Fault}s a simulated broker injects, and how often: a rate in [0, 1] per fault (the
 * chance at each opportunity the fault's javadoc names), all 0 by default. A global rate applies
 * wherever RocketMQ can produce the fault ({@link Fault#possibleFor}); a group's own rates
 * ({@link Builder#rateFor}) declare the group's delivery mode and ordering, and a fault that mode cannot
 * have is refused when it is set. Immutable; build with {@link #builder()}. Invalid values throw
 * {@link InvalidArgumentException} naming the field.
 *
 * @param rates the global rate of each fault (a missing fault: 0)
 * @param maxOutage the longest a {@link Fault#BROKER_OUTAGE} lasts
 * @param maxLateness the latest a {@link Fault#LATE_DELIVERY} arrives after its due time
 * @param groups rates of particular groups, overriding the global ones for them
 */
public record FaultPlan(Map<Fault, Double> rates, Duration maxOutage, Duration maxLateness,
    Map<ConsumerGroup, GroupFaults> groups) {

  /** The faults that concern one consumer group's subscriptions. */
  static final Set<Fault> PER_GROUP = EnumSet.of(Fault.REBALANCE_DUPLICATE, Fault.CRASH_REDELIVERY, Fault.REORDERING);

  /**
   * One group's faults, and the mode and ordering its subscriptions must have (a subscription of
   * another shape is refused).
   */
  public record GroupFaults(DeliveryMode deliveryMode, Ordering ordering, Map<Fault, Double> rates) {
    public GroupFaults {
      InvalidArgumentException.requireNonNull(deliveryMode, "deliveryMode");
      InvalidArgumentException.requireNonNull(ordering, "ordering");
      rates = Map.copyOf(InvalidArgumentException.requireNonNull(rates, "rates"));
    }
  }

  public FaultPlan {
    InvalidArgumentException.requireNonNull(rates, "rates");
    rates.forEach(FaultPlan::checkRate);
    rates = Map.copyOf(rates);
    positive(maxOutage, "maxOutage");
    positive(maxLateness, "maxLateness");
    groups = Map.copyOf(InvalidArgumentException.requireNonNull(groups, "groups"));
  }

  /** No faults: a simulation that only chooses the order of what is ready, in arrival order. */
  public static FaultPlan none() {
    return builder().build();
  }

  /**
   * Every fault at a rate that a 20-message test meets within its first few seeds: crashes and lost or
   * unknown sends at 2 %, an outage at 1 % of sends, a lost transaction end at 10 %, lateness at 20 %,
   * and rebalance duplicates, interleaving and reordering at 50 %.
   */
  public static FaultPlan typical() {
    return builder().rate(Fault.REBALANCE_DUPLICATE, 0.5).rate(Fault.CRASH_REDELIVERY, 0.02)
        .rate(Fault.SEND_STORED_UNKNOWN, 0.02).rate(Fault.SEND_LOST_UNKNOWN, 0.02).rate(Fault.BROKER_OUTAGE, 0.01)
        .rate(Fault.LATE_DELIVERY, 0.2).rate(Fault.INTERLEAVING, 0.5).rate(Fault.REORDERING, 0.5)
        .rate(Fault.LOST_TRANSACTION_END, 0.1).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The global rate of {@code fault}. */
  public double rate(Fault fault) {
    return rates.getOrDefault(fault, 0.0);
  }

  /** The rate of {@code fault} for a subscription of {@code group} with this mode and ordering (0 where impossible). */
  public double rate(Fault fault, String group, DeliveryMode mode, Ordering ordering) {
    if (!fault.possibleFor(mode, ordering)) {
      return 0;
    }
    GroupFaults own = groups.get(ConsumerGroup.of(group));
    return own != null && own.rates().containsKey(fault) ? own.rates().get(fault) : rate(fault);
  }

  /** Whether any fault has a rate above 0. */
  public boolean injectsAny() {
    return rates.values().stream().anyMatch(r -> r > 0)
        || groups.values().stream().anyMatch(g -> g.rates().values().stream().anyMatch(r -> r > 0));
  }

  private static void checkRate(Fault fault, Double rate) {
    InvalidArgumentException.requireNonNull(fault, "fault");
    if (rate == null || !(rate >= 0 && rate <= 1)) {
      throw new InvalidArgumentException(fault == null ? "rate" : fault.field(),
          "must be a rate in [0, 1], was " + rate);
    }
  }

  private static Duration positive(Duration d, String field) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new InvalidArgumentException(field, "must be a positive duration, was " + d);
    }
    return d;
  }

  /** Single-threaded builder; each setter checks its value at once. */
  public static final class Builder {
    private final Map<Fault, Double> rates = new EnumMap<>(Fault.class);
    private final Map<ConsumerGroup, GroupFaults> groups = new LinkedHashMap<>();
    private Duration maxOutage = Duration.ofSeconds(10);
    private Duration maxLateness = Duration.ofSeconds(5);

    private Builder() {}

    /** The global rate of {@code fault}, in [0, 1]. */
    public Builder rate(Fault fault, double rate) {
      checkRate(fault, rate);
      rates.put(fault, rate);
      return this;
    }

    /**
     * The rate of a per-group fault ({@link Fault#REBALANCE_DUPLICATE}, {@link Fault#CRASH_REDELIVERY},
     * {@link Fault#REORDERING}) for {@code group}, whose subscriptions are declared to be of
     * {@code mode} and {@code ordering}. Refuses a fault that mode cannot have, and a second
     * declaration of the group with another shape.
     */
    public Builder rateFor(ConsumerGroup group, DeliveryMode mode, Ordering ordering, Fault fault, double rate) {
      InvalidArgumentException.requireNonNull(group, "group");
      InvalidArgumentException.requireNonNull(mode, "deliveryMode");
      InvalidArgumentException.requireNonNull(ordering, "ordering");
      checkRate(fault, rate);
      if (!PER_GROUP.contains(fault)) {
        throw new InvalidArgumentException(fault.field(), "is not a per-group fault; set it with rate(...)");
      }
      if (!fault.possibleFor(mode, ordering)) {
        throw new InvalidArgumentException(fault.field(), "RocketMQ cannot produce it for a " + mode + " " + ordering
            + " subscription (group '" + group.name() + "')");
      }
      GroupFaults known = groups.get(group);
      if (known != null && (known.deliveryMode() != mode || known.ordering() != ordering)) {
        throw new InvalidArgumentException("groups", "group '" + group.name() + "' was declared "
            + known.deliveryMode() + " " + known.ordering() + ", now " + mode + " " + ordering);
      }
      Map<Fault, Double> own = new EnumMap<>(Fault.class);
      if (known != null) {
        own.putAll(known.rates());
      }
      own.put(fault, rate);
      groups.put(group, new GroupFaults(mode, ordering, own));
      return this;
    }

    public Builder maxOutage(Duration longest) {
      this.maxOutage = positive(longest, "maxOutage");
      return this;
    }

    public Builder maxLateness(Duration latest) {
      this.maxLateness = positive(latest, "maxLateness");
      return this;
    }

    public FaultPlan build() {
      return new FaultPlan(rates, maxOutage, maxLateness, groups);
    }
  }
}
