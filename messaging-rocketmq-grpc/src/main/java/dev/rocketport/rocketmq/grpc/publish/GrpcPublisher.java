package dev.rocketport.rocketmq.grpc.publish;

import dev.rocketport.messaging.Dispatched;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.UnsupportedFeatureException;
import dev.rocketport.messaging.spi.AbstractPublisher;
import dev.rocketport.messaging.spi.AdapterContext;
import dev.rocketport.rocketmq.grpc.client.GrpcMessages;
import dev.rocketport.rocketmq.grpc.client.Receipts;
import dev.rocketport.rocketmq.grpc.client.SendFailures;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.jspecify.annotations.Nullable;

/**
 * Plain, ordered, asynchronous and one-way sends through one {@code rocketmq-client-java} producer.
 * An ordered send carries its sharding key as the message group: the proxy keeps a group in one queue,
 * and a FIFO consumer group receives it in order. The gRPC protocol has no one-way send, and its
 * client assigns the message id only as it sends: a one-way send waits for the proxy's answer like a
 * plain one (a failure is reported; {@link Dispatched} carries the id). It has no batch send either
 * ({@link Feature#BATCH_SEND} is not declared; the base class refuses batches). Thread-safe; the
 * runtime drains asynchronous sends on close ({@link #drain}).
 */
public final class GrpcPublisher extends AbstractPublisher {
  private final AdapterContext context;
  private final Producer producer;
  private final GrpcMessages messages;
  private final Duration timeout;
  /** Counts asynchronous sends in flight, so that closing can wait for them. */
  private final Phaser inFlight = new Phaser(1);

  public GrpcPublisher(AdapterContext context, Producer producer, GrpcMessages messages, Duration timeout) {
    super(context);
    this.context = context;
    this.producer = producer;
    this.messages = messages;
    this.timeout = timeout;
  }

  @Override
  protected Either<PublishFailure, SendReceipt> store(Message message) {
    return sendNow(message, null);
  }

  @Override
  protected Either<PublishFailure, SendReceipt> storeOrdered(Message message, ShardingKey shardingKey) {
    return sendNow(message, shardingKey);
  }

  private Either<PublishFailure, SendReceipt> sendNow(Message message, @Nullable ShardingKey shardingKey) {
    try {
      var receipt = producer.send(messages.toGrpc(message, context.now(), shardingKey));
      return Either.right(Receipts.of(receipt, message));
    } catch (Exception e) {
      return Either.left(SendFailures.classify(e, message.topic(), timeout));
    }
  }

  @Override
  protected CompletionStage<Either<PublishFailure, SendReceipt>> storeAsync(Message message) {
    inFlight.register();
    CompletableFuture<Either<PublishFailure, SendReceipt>> outcome;
    try {
      outcome = producer.sendAsync(messages.toGrpc(message, context.now(), null))
          .handle((receipt, failure) -> {
            if (failure != null) {
              return Either.<PublishFailure, SendReceipt>left(SendFailures.classify(failure, message.topic(), timeout));
            }
            return Either.<PublishFailure, SendReceipt>right(Receipts.of(receipt, message));
          });
    } catch (RuntimeException e) {
      outcome = CompletableFuture.completedFuture(Either.left(SendFailures.classify(e, message.topic(), timeout)));
    }
    return outcome.whenComplete((result, failure) -> inFlight.arriveAndDeregister());
  }

  @Override
  protected Either<PublishFailure, Dispatched> storeOneway(Message message) {
    return sendNow(message, null).map(receipt -> new Dispatched(receipt.messageId(), message.topic()));
  }

  /** Never called: the base class refuses batches, as this adapter does not declare {@link Feature#BATCH_SEND}. */
  @Override
  protected List<Either<PublishFailure, SendReceipt>> storeChunk(List<Message> chunk) {
    throw new UnsupportedFeatureException(Feature.BATCH_SEND, context.capabilities().adapter(), "Publisher.sendBatch");
  }

  /** Waits up to {@code limit} for asynchronous sends in flight; false if some were still going. */
  public boolean drain(Duration limit) {
    try {
      inFlight.awaitAdvanceInterruptibly(inFlight.arrive(), limit.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
