package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.SubscriptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The simulated broker's scheduler of work: handler runs and callbacks do not run on threads of
 * their own but wait here as steps, and whoever drives the simulation ({@link #drain()}, called as
 * time advances) runs them one at a time on its own thread, in an order the seed chooses
 * ({@link Fault#INTERLEAVING}, {@link Fault#REORDERING}); otherwise in the order they became ready.
 * One seed and one test thus give one history. As an {@link Executor} it takes callbacks (asynchronous
 * send completions, transaction check-backs). Thread-safe; steps run outside its lock.
 */
public final class Simulator implements Executor {
  /** A step: its lane (a queue, or the step itself), whether it may run now, and what it does. */
  private record Step(Object lane, Object owner, double reorderRate, BooleanSupplier eligible, Runnable action) {}

  private final SplittableRandom random;
  private final FaultPlan plan;
  private final List<Step> ready = new ArrayList<>();
  private long stepsRun;

  Simulator(SplittableRandom random, FaultPlan plan) {
    this.random = random;
    this.plan = plan;
  }

  /** Takes a callback; it runs when the simulation is driven. */
  @Override
  public void execute(Runnable command) {
    Object self = new Object();
    add(new Step(self, self, 0, () -> true, command));
  }

  /**
   * Takes a handler run of the queue {@code lane} for the member {@code owner} subscribed with
   * {@code spec}; it runs when the simulation is driven and {@code eligible} holds (a paused or
   * throttled member's run waits).
   */
  public void submitRun(Object lane, Object owner, SubscriptionSpec spec, BooleanSupplier eligible, Runnable action) {
    double reorder = plan.rate(Fault.REORDERING, spec.group().name(), spec.deliveryMode(), spec.ordering());
    add(new Step(lane, owner, reorder, eligible, action));
  }

  private synchronized void add(Step step) {
    ready.add(step);
  }

  /** Runs steps until none is ready and eligible. */
  public void drain() {
    while (runOne(null)) {
      // each step may make others ready
    }
  }

  /** Runs the steps of {@code owner} until it has none that is eligible. */
  public void drainOf(Object owner) {
    while (runOne(owner)) {
      // a run's completion may hand the owner its next run
    }
  }

  /** How many steps ran so far. */
  public synchronized long stepsRun() {
    return stepsRun;
  }

  private boolean runOne(@Nullable Object owner) {
    Step chosen;
    synchronized (this) {
      List<Step> eligible = new ArrayList<>();
      for (Step s : ready) {
        if ((owner == null || s.owner == owner) && s.eligible.getAsBoolean()) {
          eligible.add(s);
        }
      }
      if (eligible.isEmpty()) {
        return false;
      }
      chosen = choose(eligible);
      ready.remove(chosen);
      stepsRun++;
    }
    chosen.action.run();
    return true;
  }

  /** The oldest eligible step, or by the dice another lane's oldest, or another of the lane's steps. */
  private Step choose(List<Step> eligible) {
    Step first = eligible.get(0);
    if (random.nextDouble() < plan.rate(Fault.INTERLEAVING)) {
      List<Object> lanes = new ArrayList<>();
      List<Step> heads = new ArrayList<>();
      for (Step s : eligible) {
        if (!lanes.contains(s.lane)) {
          lanes.add(s.lane);
          heads.add(s);
        }
      }
      first = heads.get(random.nextInt(heads.size()));
    }
    if (first.reorderRate > 0 && random.nextDouble() < first.reorderRate) {
      Object lane = first.lane;
      List<Step> sameLane = eligible.stream().filter(s -> s.lane == lane).toList();
      return sameLane.get(random.nextInt(sameLane.size()));
    }
    return first;
  }
}
