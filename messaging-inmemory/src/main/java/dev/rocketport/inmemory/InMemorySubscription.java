package dev.rocketport.inmemory;

import dev.rocketport.messaging.spi.GuardedHandler;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a consumer group in the in-memory broker, with its own pool of
 * {@code spec.concurrency()} handler threads. Thread-safe; {@link #close()} is idempotent and waits
 * for in-flight handlers up to the spec's close timeout.
 */
final class InMemorySubscription implements Subscription, GroupMember {
  private static final Logger LOG = LoggerFactory.getLogger(InMemorySubscription.class);
  private static final AtomicInteger IDS = new AtomicInteger();
  /** Messages a single-message subscription hands to one handler thread at a time (RocketMQ pulls 32). */
  private static final int RUN_LENGTH = 32;
  /** Runs of one queue a handler thread takes in a row before it lets the dispatcher choose again. */
  private static final int MAX_CONSECUTIVE_RUNS = 16;

  private final Broker broker;
  private final ConsumerGroupState group;
  private final SubscriptionSpec spec;
  private final GuardedHandler handler;
  private final boolean single;
  private final Runnable leaveGroup;
  private final ExecutorService executor;
  private final List<ProcessQueue<GroupMember>> broadcastQueues = new ArrayList<>();
  private int inFlight;
  private volatile boolean active = true;

  InMemorySubscription(Broker broker, ConsumerGroupState group, SubscriptionSpec spec, GuardedHandler handler,
      boolean single, Runnable leaveGroup) {
    this.broker = broker;
    this.group = group;
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
  public List<ProcessQueue<GroupMember>> broadcastQueues() {
    return broadcastQueues;
  }

  /** Messages handed to one handler thread at a time: a run of up to 32 for single-message handlers. */
  @Override
  public int runLength() {
    return single ? RUN_LENGTH : 1;
  }

  /** Under the broker lock. */
  @Override
  public boolean hasFreeSlot() {
    return active && inFlight < spec.concurrency();
  }

  /** Under the broker lock: hands {@code batch} to a handler thread. */
  @Override
  public void start(ProcessQueue<GroupMember> pq, List<StoredEntry> batch) {
    inFlight++;
    broker.beginWork();
    List<ReceivedMessage> received = deliveries(pq, batch);
    executor.execute(() -> run(pq, batch, received));
  }

  /** Under the broker lock: {@code batch} as handlers see it, each with its delivery attempt. */
  private List<ReceivedMessage> deliveries(ProcessQueue<GroupMember> pq, List<StoredEntry> batch) {
    List<ReceivedMessage> received = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      StoredEntry e = batch.get(i);
      // orderly: the head of the queue (a whole batch, or a run's first message) carries the retries so far
      int attempt = spec.ordering() == Ordering.CONCURRENT ? e.reconsumeTimes() + 1
          : i == 0 || !single ? pq.headRetries + 1 : 1;
      received.add(e.received(attempt));
      if (broker.journal.enabled()) {
        broker.journal.record(broker.now(), e.messageId(), Journal.Kind.DELIVERED,
            spec.group() + " attempt " + attempt);
      }
    }
    return received;
  }

  /**
   * Handles a run; then, while its queue has more for this member (at most
   * {@value #MAX_CONSECUTIVE_RUNS} runs in a row, so other queues get their turn), the next run of
   * that queue on the same thread, as RocketMQ's consume loop does; then frees the handler slot.
   */
  private void run(ProcessQueue<GroupMember> pq, List<StoredEntry> first,
      List<ReceivedMessage> firstReceived) {
    List<StoredEntry> batch = first;
    List<ReceivedMessage> received = firstReceived;
    try {
      for (int runs = 1; ; runs++) {
        List<List<StoredEntry>> units = new ArrayList<>(batch.size());
        List<HandlerResult> results = handle(batch, received, units);
        broker.lock.lock();
        try {
          group.complete(this, pq, batch, units, results);
          List<StoredEntry> next = runs < MAX_CONSECUTIVE_RUNS ? group.nextRun(this, pq) : List.of();
          if (next.isEmpty()) {
            inFlight--;
            broker.signalChange();
            group.pump();
            return;
          }
          batch = next;
          received = deliveries(pq, next);
        } finally {
          broker.lock.unlock();
        }
      }
    } finally {
      broker.endWork();
    }
  }

  /**
   * Calls the handler on {@code batch} (message by message for a single-message handler; an orderly
   * run stops at its first failure) and returns the verdicts, one per unit added to {@code units}.
   */
  private List<HandlerResult> handle(List<StoredEntry> batch, List<ReceivedMessage> received,
      List<List<StoredEntry>> units) {
    List<HandlerResult> results = new ArrayList<>(batch.size());
    if (!single) {
      units.add(batch);
      results.add(handler.handle(received));
      return results;
    }
    for (int i = 0; i < batch.size(); i++) {
      units.add(List.of(batch.get(i)));
      HandlerResult result = handler.handle(List.of(received.get(i)));
      results.add(result);
      if (spec.ordering() == Ordering.ORDERLY && !(result instanceof HandlerResult.Success)) {
        break;
      }
    }
    return results;
  }

  @Override
  public void close() {
    broker.lock.lock();
    try {
      if (!active) {
        return;
      }
      active = false;
    } finally {
      broker.lock.unlock();
    }
    boolean drained = broker.awaitUnderLock(() -> inFlight == 0, spec.closeTimeout().toNanos());
    if (!drained) {
      LOG.warn("subscription of group {} closed with handlers still running after {}; their messages will be "
          + "acknowledged or redelivered when they finish", spec.group(), spec.closeTimeout());
    }
    broker.lock.lock();
    try {
      group.leave(this);
      broker.pumpAll();
    } finally {
      broker.lock.unlock();
    }
    executor.shutdown();
    leaveGroup.run();
  }
}
