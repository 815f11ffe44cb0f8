package dev.rocketport.inmemory;

import dev.rocketport.messaging.BatchResult;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.spi.BatchSend;
import dev.rocketport.messaging.spi.PublishChecks;
import dev.rocketport.messaging.spi.WireRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The in-memory {@link Publisher} and {@link OrderedPublisher}: validates like every adapter, then
 * stores into the broker's queues (round-robin, or by sharding key), or schedules a delayed message
 * for its due time. Thread-safe; asynchronous sends are bounded by
 * {@link InMemoryConfig#asyncMaxInFlight()}, stored in order in bursts by {@link AsyncSends} and
 * complete on a callback thread.
 */
final class InMemoryPublisher implements Publisher, OrderedPublisher {
  private final Broker broker;
  private final Capabilities capabilities;
  private final BooleanSupplier closed;
  private final Semaphore asyncSlots;
  private final AsyncSends asyncSends;

  InMemoryPublisher(Broker broker, Capabilities capabilities, BooleanSupplier closed, ExecutorService callbacks) {
    this.broker = broker;
    this.capabilities = capabilities;
    this.closed = closed;
    this.asyncSlots = new Semaphore(broker.config.asyncMaxInFlight());
    this.asyncSends = new AsyncSends(broker, callbacks, this::storeQuietly);
  }

  @Override
  public Either<PublishFailure, SendReceipt> send(Message message) {
    return admit(message, PublishChecks.check(message, capabilities, broker::now))
        .flatMap(m -> store(m, AsyncSends.ROUND_ROBIN));
  }

  @Override
  public Either<PublishFailure, SendReceipt> send(Message message, ShardingKey shardingKey) {
    if (shardingKey == null) {
      throw new dev.rocketport.messaging.InvalidArgumentException("shardingKey", "must not be null");
    }
    return admit(message, PublishChecks.checkUndelayed(message, capabilities, broker::now, "OrderedPublisher"))
        .flatMap(m -> store(m, WireRules.queueFor(shardingKey, broker.queueCount(m.topic().name()))));
  }

  @Override
  public CompletionStage<Either<PublishFailure, SendReceipt>> sendAsync(Message message) {
    Either<PublishFailure, Message> admitted = admit(message, PublishChecks.check(message, capabilities, broker::now));
    if (admitted.isLeft()) {
      return CompletableFuture.completedFuture(Either.left(admitted.getLeft()));
    }
    try {
      if (!asyncSlots.tryAcquire(broker.config.sendTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
        return CompletableFuture.completedFuture(Either.left(new PublishFailure.Timeout(broker.config.sendTimeout(),
            "all " + broker.config.asyncMaxInFlight() + " asynchronous send slots stayed busy")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.completedFuture(Either.left(new PublishFailure.Closed("interrupted while waiting")));
    }
    CompletableFuture<Either<PublishFailure, SendReceipt>> result = new CompletableFuture<>();
    asyncSends.submit(new AsyncSends.Pending(message, AsyncSends.ROUND_ROBIN, result, asyncSlots::release));
    return result;
  }

  @Override
  public Option<PublishFailure> sendOneway(Message message) {
    return send(message).swap().toOption();
  }

  @Override
  public BatchResult sendBatch(List<Message> messages) {
    return BatchSend.send(messages, capabilities.maxMessageSize(),
        m -> admit(m, PublishChecks.check(m, capabilities, broker::now)).swap().toOption(),
        chunk -> {
          String topic = messages.get(chunk.get(0)).topic().name();
          broker.lock.lock();
          try {
            int queue = broker.selectQueue(topic);
            List<Either<PublishFailure, SendReceipt>> sent = new ArrayList<>(chunk.size());
            chunk.forEach(index -> sent.add(Either.right(storeQuietly(messages.get(index), queue))));
            broker.pumpConsumersOf(topic);
            return sent;
          } finally {
            broker.lock.unlock();
          }
        });
  }

  private Either<PublishFailure, Message> admit(Message message, Option<PublishFailure> invalid) {
    return Admission.admit(broker, closed, message, invalid);
  }

  /**
   * Stores (or schedules) one message and dispatches it, in the calling thread if the broker lock is
   * free; if it is busy, joins the next group commit of {@link AsyncSends} and waits for it, as a
   * broker queues requests for its send thread (a thread that is itself draining takes the lock).
   */
  private Either<PublishFailure, SendReceipt> store(Message message, int queueId) {
    if (!broker.lock.tryLock()) {
      if (!asyncSends.isDrainThread()) {
        CompletableFuture<Either<PublishFailure, SendReceipt>> result = new CompletableFuture<>();
        asyncSends.submit(new AsyncSends.Pending(message, queueId, result, () -> { }));
        return result.join();
      }
      broker.lock.lock();
    }
    try {
      int queue = queueId == AsyncSends.ROUND_ROBIN ? broker.selectQueue(message.topic().name()) : queueId;
      SendReceipt receipt = storeQuietly(message, queue);
      broker.pumpConsumersOf(message.topic().name());
      return Either.right(receipt);
    } finally {
      broker.lock.unlock();
    }
  }

  /** Stores (or schedules) one message without dispatching; the caller holds the broker lock and dispatches. */
  private SendReceipt storeQuietly(Message message, int queueId) {
    String id = Broker.newMessageId();
    Instant now = broker.now();
    QueueRef ref = new QueueRef(message.topic().name(), queueId);
    if (message.delay().isDefined()) {
      Instant due = message.delay().get().dueAt(now);
      broker.journal.record(now, id, Journal.Kind.SCHEDULED, "due at " + due);
      Message plain = message.withoutDelay();
      broker.at(due, () -> broker.append(ref, plain, id, now, 0));
      return new SendReceipt(id, message.topic(), queueId, Option.none());
    }
    StoredEntry entry = broker.store(ref, message, id, now, now, 0);
    return new SendReceipt(id, message.topic(), queueId, Option.some(entry.offset()));
  }
}
