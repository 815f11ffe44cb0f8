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
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adaptive batching of concurrent sends ({@link dev.rocketport.rocketmq.config.RocketMqConfig#coalesceSends()}): sends waiting at
 * the same moment are taken together, grouped by topic, and sent as one RocketMQ batch per topic by
 * a few flusher threads (so batches pipeline). The publisher sends directly while few sends are on
 * the wire and hands over only the excess, so under light load nothing comes here; under heavy load
 * batches grow to {@code maxBatch} and throughput follows the batch rate rather than the round-trip
 * rate. Each caller still gets its own receipt (its message's
 * id, the batch's queue, its own offset) or the failure of its batch. Bounded: at most
 * {@code capacity} sends wait; a full queue makes {@link #submit} wait up to the send timeout.
 * Thread-safe; {@link #close()} sends what is queued, then stops the flushers.
 */
public final class SendCoalescer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SendCoalescer.class);

  private record Pending(Topic topic, Message message, CompletableFuture<Either<PublishFailure, SendReceipt>> result) {}

  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final BiFunction<Topic, List<Message>, List<Either<PublishFailure, SendReceipt>>> sendBatch;
  private final List<Thread> flushers = new ArrayList<>();
  private volatile boolean closing;

  SendCoalescer(int capacity, int maxBatch, int flusherCount,
      BiFunction<Topic, List<Message>, List<Either<PublishFailure, SendReceipt>>> sendBatch) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
    this.sendBatch = sendBatch;
    for (int i = 0; i < flusherCount; i++) {
      Thread t = new Thread(this::flushLoop, "rocketport-coalescer-" + i);
      t.setDaemon(true);
      flushers.add(t);
      t.start();
    }
  }

  /** Queues {@code message}; the stage completes with its own outcome. Empty if no slot freed within {@code waitNanos}. */
  Option<CompletableFuture<Either<PublishFailure, SendReceipt>>> submit(Topic topic, Message message, long waitNanos)
      throws InterruptedException {
    MessageClientIDSetter.setUniqID(message);
    Pending pending = new Pending(topic, message, new CompletableFuture<>());
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
        taken.forEach(p -> p.result().complete(Either.left(new PublishFailure.BrokerUnavailable(String.valueOf(e)))));
      } finally {
        taken.clear();
      }
    }
  }

  private void flush(List<Pending> taken) {
    Map<Topic, List<Pending>> byTopic = new LinkedHashMap<>();
    taken.forEach(p -> byTopic.computeIfAbsent(p.topic(), t -> new ArrayList<>()).add(p));
    byTopic.forEach((topic, group) -> {
      List<Either<PublishFailure, SendReceipt>> results = sendBatch.apply(topic,
          group.stream().map(Pending::message).toList());
      for (int i = 0; i < group.size(); i++) {
        group.get(i).result().complete(results.get(i));
      }
    });
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
  }
}
