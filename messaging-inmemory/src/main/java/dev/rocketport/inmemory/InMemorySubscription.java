package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.Broker;
import dev.rocketport.inmemory.broker.GroupMember;
import dev.rocketport.inmemory.broker.Run;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.GuardedHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a consumer group in the in-memory broker, with its own pool of
 * {@code spec.concurrency()} handler threads: takes {@link Run}s from the broker, calls the handler
 * and reports the verdicts. Thread-safe; {@link #close()} is idempotent and waits for in-flight
 * handlers up to the spec's close timeout.
 */
final class InMemorySubscription implements Subscription, GroupMember {
  private static final Logger LOG = LoggerFactory.getLogger(InMemorySubscription.class);
  private static final AtomicInteger IDS = new AtomicInteger();

  private final Broker broker;
  private final SubscriptionSpec spec;
  private final GuardedHandler handler;
  private final boolean single;
  private final Runnable leaveGroup;
  private final ExecutorService executor;
  /** Runs handed to handler threads and not ended; guarded by the broker lock. */
  private int inFlight;
  private volatile boolean active = true;

  InMemorySubscription(Broker broker, SubscriptionSpec spec, GuardedHandler handler, boolean single,
      Runnable leaveGroup) {
    this.broker = broker;
    this.spec = spec;
    this.handler = handler;
    this.single = single;
    this.leaveGroup = leaveGroup;
    String prefix = "rocketport-inmemory-" + spec.group() + "-" + IDS.incrementAndGet() + "-";
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(spec.concurrency(), r -> {
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
  public boolean hasFreeSlot() {
    return active && inFlight < spec.concurrency();
  }

  @Override
  public void start(Run run) {
    inFlight++;
    executor.execute(() -> handle(run));
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
   * The handler's verdicts on a run: one for a batch; for single messages one each, an orderly run
   * stopping at its first failure.
   */
  private List<HandlerResult> verdicts(List<ReceivedMessage> messages) {
    if (!single) {
      return List.of(handler.handle(messages));
    }
    List<HandlerResult> results = new ArrayList<>(messages.size());
    for (ReceivedMessage message : messages) {
      HandlerResult result = handler.handle(List.of(message));
      results.add(result);
      if (spec.ordering() == Ordering.ORDERLY && !(result instanceof HandlerResult.Success)) {
        break;
      }
    }
    return results;
  }

  @Override
  public void close() {
    broker.lock().lock();
    try {
      if (!active) {
        return;
      }
      active = false;
    } finally {
      broker.lock().unlock();
    }
    boolean drained = broker.awaitUnderLock(() -> inFlight == 0, spec.closeTimeout().toNanos());
    if (!drained) {
      LOG.warn("subscription of group {} closed with handlers still running after {}; their messages will be "
          + "acknowledged or redelivered when they finish", spec.group(), spec.closeTimeout());
    }
    broker.leave(this);
    executor.shutdown();
    leaveGroup.run();
  }
}
