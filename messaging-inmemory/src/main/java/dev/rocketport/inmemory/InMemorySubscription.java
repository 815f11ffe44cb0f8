package dev.rocketport.inmemory;

import dev.rocketport.messaging.BatchMessageHandler;
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
final class InMemorySubscription implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(InMemorySubscription.class);
  private static final AtomicInteger IDS = new AtomicInteger();
  /** Messages a single-message subscription hands to one handler thread at a time. */
  private static final int RUN_LENGTH = 16;

  private final Broker broker;
  private final ConsumerGroupState group;
  private final SubscriptionSpec spec;
  private final BatchMessageHandler handler;
  private final boolean single;
  private final ExecutorService executor;
  final List<ProcessQueue> broadcastQueues = new ArrayList<>();
  private int inFlight;
  private volatile boolean active = true;

  InMemorySubscription(Broker broker, ConsumerGroupState group, SubscriptionSpec spec, BatchMessageHandler handler,
      boolean single) {
    this.broker = broker;
    this.group = group;
    this.spec = spec;
    this.handler = handler;
    this.single = single;
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

  /** Messages handed to one handler thread at a time: a run of 16 for single-message handlers. */
  int runLength() {
    return single ? RUN_LENGTH : 1;
  }

  /** Under the broker lock. */
  boolean hasFreeSlot() {
    return active && inFlight < spec.concurrency();
  }

  /** Under the broker lock: hands {@code batch} to a handler thread. */
  void start(ProcessQueue pq, List<StoredEntry> batch) {
    inFlight++;
    broker.beginWork();
    List<ReceivedMessage> received = new ArrayList<>(batch.size());
    for (StoredEntry e : batch) {
      int attempt = spec.ordering() == Ordering.ORDERLY ? pq.headRetries + 1 : e.reconsumeTimes() + 1;
      received.add(e.received(attempt));
      if (broker.journal.enabled()) {
        broker.journal.record(broker.now(), e.messageId(), Journal.Kind.DELIVERED,
            spec.group() + " attempt " + attempt);
      }
    }
    executor.execute(() -> run(pq, batch, received));
  }

  private void run(ProcessQueue pq, List<StoredEntry> batch, List<ReceivedMessage> received) {
    List<List<StoredEntry>> units = new ArrayList<>();
    List<HandlerResult> results = new ArrayList<>();
    if (single) {
      for (int i = 0; i < batch.size(); i++) {
        units.add(List.of(batch.get(i)));
        results.add(invoke(List.of(received.get(i)), units.get(i)));
      }
    } else {
      units.add(batch);
      results.add(invoke(received, batch));
    }
    broker.lock.lock();
    try {
      for (int i = 0; i < units.size(); i++) {
        group.complete(this, pq, units.get(i), results.get(i));
      }
      inFlight--;
      broker.signalChange();
      group.pump();
    } finally {
      broker.lock.unlock();
      broker.endWork();
    }
  }

  private HandlerResult invoke(List<ReceivedMessage> received, List<StoredEntry> batch) {
    try {
      HandlerResult result = handler.handle(received);
      if (result == null) {
        LOG.warn("handler of group {} returned null for {}; treating it as retry", spec.group(), ids(batch));
        return HandlerResult.retry();
      }
      return result;
    } catch (Throwable t) {
      LOG.debug("handler of group {} threw for {}; will retry", spec.group(), ids(batch), t);
      return HandlerResult.retry();
    }
  }

  private static List<String> ids(List<StoredEntry> batch) {
    return batch.stream().map(StoredEntry::messageId).toList();
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
  }
}
