package dev.rocketport.rocketmq.publish;

import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adaptive batching of concurrent sends ({@link dev.rocketport.rocketmq.config.RocketMqConfig#coalesceSends()}): sends waiting at
 * the same moment are taken together, grouped by {@link Lane} (a topic, or one queue of a topic for
 * ordered sends), and sent as one RocketMQ batch per lane and byte budget by a few flusher threads
 * (so batches pipeline), the lanes of one take in parallel (so that the queues of ordered sends do
 * not wait for each other). The publisher sends directly while few sends are on the wire and hands over
 * only the excess, so under light load nothing comes here; under heavy load batches grow to
 * {@code maxBatch} and throughput follows the batch rate rather than the round-trip rate. A batch
 * keeps its lane's messages in the order they were submitted, so two sends of one sharding key, the
 * second submitted after the first was answered, are stored in that order. Each caller still gets its
 * own receipt (its message's id, the batch's queue, its own offset) or the failure of its batch.
 * Bounded: at most {@code capacity} sends wait; a full queue makes {@link #submit} wait up to the
 * send timeout. Thread-safe; {@link #close()} sends what is queued, then stops the flushers and the
 * lane senders.
 */
public final class SendCoalescer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SendCoalescer.class);

  /**
   * Where a batch goes: any queue of {@code topic} the client picks ({@code queue} null), or exactly
   * {@code queue} (an ordered send's, whose key chose it).
   */
  record Lane(Topic topic, @Nullable MessageQueue queue) {}

  /** Sends RocketMQ messages (each with its unique id set) of one lane as one batch; one result each, in order. */
  @FunctionalInterface
  interface BatchSender {
    List<Either<PublishFailure, SendReceipt>> send(Lane lane, List<Message> batch);
  }

  private record Pending(Lane lane, Message message, CompletableFuture<Either<PublishFailure, SendReceipt>> result) {}

  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final int maxBatchBytes;
  private final BatchSender sender;
  private final List<Thread> flushers = new ArrayList<>();
  private final ExecutorService laneSenders;
  private volatile boolean closing;

  /** @param laneSenderCount threads that send the lanes of one take beside its flusher */
  SendCoalescer(int capacity, int maxBatch, int maxBatchBytes, int flusherCount, int laneSenderCount,
      BatchSender sender) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
    this.maxBatchBytes = maxBatchBytes;
    this.sender = sender;
    AtomicInteger laneSenderIds = new AtomicInteger();
    this.laneSenders = Executors.newFixedThreadPool(laneSenderCount, r -> {
      Thread t = new Thread(r, "rocketport-coalescer-lane-" + laneSenderIds.getAndIncrement());
      t.setDaemon(true);
      return t;
    });
    for (int i = 0; i < flusherCount; i++) {
      Thread t = new Thread(this::flushLoop, "rocketport-coalescer-" + i);
      t.setDaemon(true);
      flushers.add(t);
      t.start();
    }
  }

  /** Queues {@code message} for {@code lane}; the stage completes with its own outcome. Empty if no slot freed within {@code waitNanos}. */
  Option<CompletableFuture<Either<PublishFailure, SendReceipt>>> submit(Lane lane, Message message, long waitNanos)
      throws InterruptedException {
    MessageClientIDSetter.setUniqID(message);
    Pending pending = new Pending(lane, message, new CompletableFuture<>());
    return queue.offer(pending, waitNanos, TimeUnit.NANOSECONDS) ? Option.some(pending.result()) : Option.none();
  }

  private void flushLoop() {
    List<Pending> taken = new ArrayList<>(maxBatch);
    while (!closing || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        taken.add(first);
        queue.drainTo(taken, maxBatch - 1);
        flush(taken);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("coalesced send failed unexpectedly", e);
        // completes only the sends not answered yet
        taken.forEach(p -> p.result().complete(Either.left(new PublishFailure.BrokerUnavailable(String.valueOf(e)))));
      } finally {
        taken.clear();
      }
    }
  }

  /** Sends each lane of {@code taken}: the first on this thread, the others beside it; returns when all are answered. */
  private void flush(List<Pending> taken) {
    Map<Lane, List<Pending>> byLane = new LinkedHashMap<>();
    taken.forEach(p -> byLane.computeIfAbsent(p.lane(), l -> new ArrayList<>()).add(p));
    List<CompletableFuture<Void>> beside = new ArrayList<>(byLane.size());
    List<Pending> here = null;
    for (List<Pending> group : byLane.values()) {
      if (here == null) {
        here = group;
      } else {
        beside.add(CompletableFuture.runAsync(() -> sendLane(group), laneSenders));
      }
    }
    if (here != null) {
      sendLane(here);
    }
    beside.forEach(CompletableFuture::join);
  }

  /** Sends one lane's pending sends, in order, in batches within the byte budget. */
  private void sendLane(List<Pending> group) {
    Lane lane = group.get(0).lane();
    int from = 0;
    while (from < group.size()) {
      int to = budgetEnd(group, from);
      send(lane, group.subList(from, to));
      from = to;
    }
  }

  /** The end of the batch starting at {@code from}: as many as fit the byte budget, at least one. */
  private int budgetEnd(List<Pending> group, int from) {
    int bytes = 0;
    int to = from;
    while (to < group.size()) {
      bytes += encodedSize(group.get(to).message());
      if (to > from && bytes > maxBatchBytes) {
        break;
      }
      to++;
    }
    return to;
  }

  private void send(Lane lane, List<Pending> batch) {
    try {
      List<Either<PublishFailure, SendReceipt>> results = sender.send(lane, batch.stream().map(Pending::message).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().complete(results.get(i));
      }
    } catch (RuntimeException e) {
      LOG.error("coalesced send failed unexpectedly", e);
      batch.forEach(p -> p.result().complete(Either.left(new PublishFailure.BrokerUnavailable(String.valueOf(e)))));
    }
  }

  /** About what {@code message} takes in a batch on the wire: its body, its properties and a fixed header. */
  static int encodedSize(Message message) {
    int size = 32 + (message.getBody() == null ? 0 : message.getBody().length);
    for (Map.Entry<String, String> property : message.getProperties().entrySet()) {
      size += utf8Length(property.getKey()) + utf8Length(property.getValue()) + 2;
    }
    return size;
  }

  private static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3; // a surrogate pair counts 3 + 3, more than its 4: safe
    }
    return bytes;
  }

  @Override
  public void close() {
    closing = true;
    for (Thread t : flushers) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    laneSenders.shutdown();
  }
}
