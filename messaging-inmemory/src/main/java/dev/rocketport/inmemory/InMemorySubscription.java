package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.Broker;
import dev.rocketport.inmemory.broker.GroupMember;
import dev.rocketport.inmemory.broker.Run;
import dev.rocketport.inmemory.broker.Simulator;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.Disposition;
import dev.rocketport.messaging.spi.GuardedHandler;
import dev.rocketport.messaging.spi.PauseGate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a consumer group in the in-memory broker, with its own pool of
 * {@code spec.concurrency()} handler threads (in a simulation, the simulation's driver instead):
 * takes {@link Run}s from the broker, calls the handler and reports the verdicts; while paused it
 * takes no run and holds the threads of runs it has at the {@link PauseGate}. Thread-safe; {@link #close()} is idempotent and waits for in-flight handlers
 * up to the spec's close timeout.
 */
final class InMemorySubscription implements Subscription, GroupMember {
  private static final Logger LOG = LoggerFactory.getLogger(InMemorySubscription.class);
  private static final AtomicInteger IDS = new AtomicInteger();

  private final Broker broker;
  private final SubscriptionSpec spec;
  private final GuardedHandler handler;
  private final boolean single;
  private final Runnable leaveGroup;
  /** The handler threads; null in a simulation, whose driver runs the handler calls. */
  private final @Nullable ExecutorService executor;
  private final @Nullable Simulator simulator;
  /** Runs handed to handler threads and not ended; guarded by the broker lock. */
  private int inFlight;
  private volatile boolean active = true;
  private final PauseGate gate;

  InMemorySubscription(Broker broker, SubscriptionSpec spec, GuardedHandler handler, PauseGate gate, boolean single,
      Runnable leaveGroup) {
    this.broker = broker;
    this.gate = gate;
    this.spec = spec;
    this.handler = handler;
    this.single = single;
    this.leaveGroup = leaveGroup;
    this.simulator = broker.simulator();
    this.executor = simulator != null ? null : handlerThreads(spec);
  }

  private static ExecutorService handlerThreads(SubscriptionSpec spec) {
    String prefix = "rocketport-inmemory-" + spec.group() + "-" + IDS.incrementAndGet() + "-";
    AtomicInteger threads = new AtomicInteger();
    return Executors.newFixedThreadPool(spec.concurrency(), r -> {
      Thread t = new Thread(r, prefix + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public SubscriptionSpec spec() {
    return spec;
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public boolean single() {
    return single;
  }

  @Override
  public boolean paused() {
    return gate.isPaused();
  }

  @Override
  public boolean hasFreeSlot() {
    return active && !gate.isPaused() && inFlight < spec.concurrency();
  }

  @Override
  public void pause() {
    gate.pause();
  }

  /** Releases held handler threads and has the broker dispatch to this member again. */
  @Override
  public void resume() {
    gate.resume();
    broker.pumpConsumersOf(spec.topic().name());
  }

  @Override
  public boolean isPaused() {
    return gate.isPaused();
  }

  @Override
  public void start(Run run) {
    inFlight++;
    if (executor != null) {
      executor.execute(() -> handle(run));
    } else {
      simulate(run);
    }
  }

  /** Has the simulation run {@code run} when it chooses (not while paused or throttled), then the next one. */
  private void simulate(Run run) {
    java.util.Objects.requireNonNull(simulator).submitRun(run.queue(), this, spec, () -> !gate.isHolding(), () -> {
      Run next = run.complete(verdicts(run.messages()));
      if (next != null) {
        simulate(next);
      }
    });
  }

  @Override
  public void runEnded() {
    inFlight--;
  }

  /** Handles a run, and the next ones the broker hands this thread, until it hands none. */
  private void handle(Run first) {
    for (Run run = first; run != null; ) {
      run = run.complete(verdicts(run.messages()));
    }
  }

  /**
   * The dispositions of a run: one for a batch; for single messages one each, an orderly run
   * stopping at its first redelivery.
   */
  private List<Disposition> verdicts(List<ReceivedMessage> messages) {
    if (!single) {
      return List.of(handleUnlessGivenBack(messages));
    }
    List<Disposition> results = new ArrayList<>(messages.size());
    for (ReceivedMessage message : messages) {
      Disposition result = handleUnlessGivenBack(List.of(message));
      results.add(result);
      if (spec.ordering() == Ordering.ORDERLY && result instanceof Disposition.Redeliver) {
        break;
      }
    }
    return results;
  }

  /**
   * The handler's disposition, once the pause gate is open, its reply (if any) handed to the
   * requester; a message held by a pause when the subscription closes is given back for redelivery.
   * A held thread is not counted as broker work, so a virtual clock can move on while the member is
   * paused.
   */
  private Disposition handleUnlessGivenBack(List<ReceivedMessage> messages) {
    if (!gate.awaitOpen(messages.size())) {
      return Disposition.redeliver();
    }
    Disposition result = handler.handle(messages);
    if (result instanceof Disposition.Respond respond) {
      for (ReceivedMessage message : messages) {
        if (!broker.replies().reply(message.messageId(), respond.reply())) {
          LOG.warn("group {}: message {} is not a request or its requester is gone; reply dropped", spec.group(),
              message.messageId());
        }
      }
    }
    return result;
  }

  @Override
  public void close() {
    gate.close();
    broker.lock().lock();
    try {
      if (!active) {
        return;
      }
      active = false;
    } finally {
      broker.lock().unlock();
    }
    if (simulator != null) {
      simulator.drainOf(this); // the gate is closed: what was handed to this member is given back
    }
    boolean drained = broker.awaitUnderLock(() -> inFlight == 0, spec.closeTimeout().toNanos());
    if (!drained) {
      LOG.warn("subscription of group {} closed with handlers still running after {}; their messages will be "
          + "acknowledged or redelivered when they finish", spec.group(), spec.closeTimeout());
    }
    broker.leave(this);
    if (executor != null) {
      executor.shutdown();
    }
    leaveGroup.run();
  }
}
