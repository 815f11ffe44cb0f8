package dev.rocketport.testkit;

import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.inmemory.broker.FaultPlan;
import dev.rocketport.inmemory.broker.InjectedFault;
import dev.rocketport.inmemory.broker.Journal;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One seeded run of an application's test against the simulated in-memory broker: the runtime to
 * test, its virtual clock, and what happened. Nothing runs until the test drives it: a send is
 * stored at once, but handlers, callbacks and timed events run only inside {@link #runUntilQuiet()},
 * {@link #advance}, {@link #await} or {@link #waiting()}, one at a time on the calling thread, in the
 * order and with the faults the seed decides. Handlers must therefore not block waiting for other
 * handlers. Not thread-safe: one test thread drives it. {@link #close()} closes the runtime.
 */
public final class Simulation implements AutoCloseable {
  /** How far {@link #runUntilQuiet()} lets time run: longer than RocketMQ's whole retry ladder. */
  public static final Duration QUIET_LIMIT = Duration.ofDays(1);

  private final long seed;
  private final FaultPlan plan;
  private final InMemoryMessaging messaging;

  private Simulation(long seed, FaultPlan plan) {
    this.seed = seed;
    this.plan = plan;
    this.messaging = InMemoryMessaging.simulated(seed, plan);
  }

  /** A new simulation of {@code seed} injecting {@link FaultPlan#typical()} faults. */
  public static Simulation of(long seed) {
    return of(seed, FaultPlan.typical());
  }

  /** A new simulation of {@code seed} injecting {@code plan}'s faults. */
  public static Simulation of(long seed, FaultPlan plan) {
    return new Simulation(seed, InvalidArgumentException.requireNonNull(plan, "plan"));
  }

  public long seed() {
    return seed;
  }

  public FaultPlan plan() {
    return plan;
  }

  /** The runtime to hand the application: every port, on the simulated broker. */
  public Messaging messaging() {
    return messaging;
  }

  /** The simulation's virtual time. */
  public Instant now() {
    return messaging.broker().now();
  }

  /**
   * Runs everything that is ready and every timed event (retries, delays, check-backs, recoveries) in
   * order until nothing is left, within {@link #QUIET_LIMIT} of virtual time.
   *
   * @throws IllegalStateException if work is still scheduled beyond the limit (a subscription that
   *     keeps failing on a long ladder, a never-ending loop of sends)
   */
  public Simulation runUntilQuiet() {
    if (!messaging.broker().runUntilQuiet(QUIET_LIMIT)) {
      throw new IllegalStateException("seed " + seed + ": still busy after " + QUIET_LIMIT + " of virtual time");
    }
    return this;
  }

  /** Moves time forward by {@code duration}, running what is ready and what falls due. */
  public Simulation advance(Duration duration) {
    messaging.broker().advance(duration);
    return this;
  }

  /**
   * Drives the simulation until {@code stage} completes (an asynchronous send, a request), at most
   * {@link #QUIET_LIMIT} of virtual time, and returns its value.
   *
   * @throws IllegalStateException if it does not complete
   */
  public <T> T await(CompletionStage<T> stage) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    if (!messaging.broker().advanceUntil(future::isDone, QUIET_LIMIT)) {
      throw new IllegalStateException("seed " + seed + ": not completed within " + QUIET_LIMIT + " of virtual time");
    }
    return future.join();
  }

  /** Waiting on this simulation's clock: each wait drives it (for code that takes a {@link Waiting}). */
  public Waiting waiting() {
    return Waiting.virtualClock(this::now, messaging.broker()::advanceUntil);
  }

  /** Every lifecycle event so far (sent, delivered, retried, dead-lettered, faults), oldest first. */
  public List<Journal.Event> journal() {
    return messaging.broker().journal().events();
  }

  /** The deliveries so far, oldest first: one event per handler call per message. */
  public List<Journal.Event> deliveries() {
    return journal().stream().filter(e -> e.kind() == Journal.Kind.DELIVERED).toList();
  }

  /** The faults injected so far, oldest first. */
  public List<InjectedFault> faults() {
    return messaging.broker().injectedFaults();
  }

  @Override
  public void close() {
    messaging.close();
  }
}
