package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.Broker;
import dev.rocketport.messaging.Dispatched;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.spi.AbstractPublisher;
import dev.rocketport.messaging.spi.AdapterContext;
import dev.rocketport.messaging.spi.WireRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory {@link dev.rocketport.messaging.Publisher} and {@link dev.rocketport.messaging.OrderedPublisher}: admitted by {@link AbstractPublisher}
 * like every adapter's (and refused with {@link PublishFailure.TopicNotFound} for a topic the broker
 * lacks), then stored into the broker's queues (round-robin, or by sharding key), or scheduled for a
 * delayed message's due time. Thread-safe; asynchronous sends are bounded by
 * {@link dev.rocketport.inmemory.broker.InMemoryConfig#asyncMaxInFlight()}, stored in order in bursts by {@link AsyncSends} and
 * complete on a callback thread — except in a simulation, whose one thread stores them at once and
 * completes them before {@code sendAsync} returns.
 */
final class InMemoryPublisher extends AbstractPublisher {
  private final Broker broker;
  private final Semaphore asyncSlots;
  private final AsyncSends asyncSends;

  InMemoryPublisher(AdapterContext context, Broker broker, Executor callbacks) {
    super(context);
    this.broker = broker;
    this.asyncSlots = new Semaphore(broker.config().asyncMaxInFlight());
    this.asyncSends = new AsyncSends(broker, callbacks);
  }

  @Override
  protected Option<PublishFailure> admitFurther(Message message) {
    return Admission.topicExists(broker, message);
  }

  @Override
  protected Either<PublishFailure, SendReceipt> store(Message message) {
    return store(message, AsyncSends.ROUND_ROBIN);
  }

  @Override
  protected Either<PublishFailure, SendReceipt> storeOrdered(Message message, ShardingKey shardingKey) {
    return store(message, WireRules.queueFor(shardingKey, broker.queueCount(message.topic().name())));
  }

  @Override
  protected CompletionStage<Either<PublishFailure, SendReceipt>> storeAsync(Message message) {
    if (broker.simulator() != null) {
      // one thread drives a simulation: a future that only it could complete must be complete already
      return CompletableFuture.completedFuture(store(message, AsyncSends.ROUND_ROBIN));
    }
    try {
      if (!asyncSlots.tryAcquire(broker.config().sendTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
        return CompletableFuture.completedFuture(Either.left(new PublishFailure.Timeout(broker.config().sendTimeout(),
            "all " + broker.config().asyncMaxInFlight() + " asynchronous send slots stayed busy")));
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
  protected Either<PublishFailure, Dispatched> storeOneway(Message message) {
    return store(message).map(receipt -> new Dispatched(receipt.messageId(), receipt.topic()));
  }

  @Override
  protected List<Either<PublishFailure, SendReceipt>> storeChunk(List<Message> chunk) {
    String topic = chunk.get(0).topic().name();
    broker.lock().lock();
    try {
      var stored = broker.acceptAll(chunk, broker.selectQueue(topic));
      broker.pumpConsumersOf(topic);
      List<Either<PublishFailure, SendReceipt>> sent = new ArrayList<>(chunk.size());
      for (int i = 0; i < chunk.size(); i++) {
        sent.add(stored.isLeft() ? Either.left(stored.getLeft()) : Either.right(stored.get().get(i)));
      }
      return sent;
    } finally {
      broker.lock().unlock();
    }
  }

  /**
   * Stores (or schedules) one message and dispatches it, in the calling thread if the broker lock is
   * free; if it is busy, joins the next group commit of {@link AsyncSends} and waits for it, as a
   * broker queues requests for its send thread (a thread that is itself draining takes the lock).
   */
  private Either<PublishFailure, SendReceipt> store(Message message, int queueId) {
    if (!broker.lock().tryLock()) {
      if (!asyncSends.isDrainThread()) {
        CompletableFuture<Either<PublishFailure, SendReceipt>> result = new CompletableFuture<>();
        asyncSends.submit(new AsyncSends.Pending(message, queueId, result, () -> { }));
        return result.join();
      }
      broker.lock().lock();
    }
    try {
      int queue = queueId == AsyncSends.ROUND_ROBIN ? broker.selectQueue(message.topic().name()) : queueId;
      var receipt = broker.accept(message, queue);
      broker.pumpConsumersOf(message.topic().name());
      return receipt;
    } finally {
      broker.lock().unlock();
    }
  }
}
