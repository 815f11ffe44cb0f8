package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.Broker;
import dev.rocketport.inmemory.broker.HalfMessage;
import dev.rocketport.messaging.LocalTransaction;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.TransactionCheck;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionResult;
import dev.rocketport.messaging.spi.AbstractTransactionalPublisher;
import dev.rocketport.messaging.spi.AdapterContext;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * RocketMQ's two-phase transactional send, in memory: the broker holds the half message while the
 * local transaction runs and ends the transaction with its outcome; an UNKNOWN outcome brings the
 * broker's check-backs (after {@link dev.rocketport.inmemory.broker.InMemoryConfig#transactionTimeout()}, then every
 * {@link dev.rocketport.inmemory.broker.InMemoryConfig#transactionCheckInterval()}, at most {@link dev.rocketport.inmemory.broker.InMemoryConfig#transactionMaxChecks()}
 * times), answered by the {@link TransactionChecker} on a callback thread. Thread-safe; once the
 * runtime is closed, check-backs are no longer answered.
 */
final class InMemoryTransactionalPublisher extends AbstractTransactionalPublisher {
  private final Broker broker;
  private final BooleanSupplier closed;
  private final Executor callbacks;
  private final TransactionChecker checker;

  InMemoryTransactionalPublisher(AdapterContext context, Broker broker, Executor callbacks,
      TransactionChecker checker) {
    super(context);
    this.broker = broker;
    this.closed = context.closed();
    this.callbacks = callbacks;
    this.checker = checker;
  }

  @Override
  protected Option<PublishFailure> admitFurther(Message message) {
    return Admission.topicExists(broker, message);
  }

  @Override
  protected Either<PublishFailure, TransactionResult> storeInTransaction(Message message, LocalTransaction local) {
    HalfMessage half = broker.storeHalf(message);
    Decision decision = runLocal(local, message, half.transactionId());
    broker.endTransaction(half, decision.outcome(), 0, this::check);
    SendReceipt receipt = new SendReceipt(half.messageId(), message.topic(), half.queueId(), Option.none());
    return Either.right(new TransactionResult(receipt, half.transactionId(), decision.outcome(), decision.failure()));
  }

  /** Runs the checker on a callback thread (asked under the broker lock by its timer). */
  private void check(HalfMessage half, int checkNumber) {
    if (closed.getAsBoolean()) {
      return;
    }
    broker.beginWork();
    callbacks.execute(() -> {
      try {
        var outcome = askChecker(checker,
            new TransactionCheck(half.message(), half.messageId(), half.transactionId(), checkNumber));
        broker.endTransaction(half, outcome, checkNumber, this::check);
      } finally {
        broker.endWork();
      }
    });
  }
}
