package dev.rocketport.inmemory;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.LocalTransaction;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.TransactionCheck;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionOutcome;
import dev.rocketport.messaging.TransactionResult;
import dev.rocketport.messaging.spi.AbstractTransactionalPublisher;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * RocketMQ's two-phase transactional send, in memory: the half message is held invisibly while the
 * local transaction runs; COMMIT appends it to its queue, ROLLBACK discards it, UNKNOWN leaves it to
 * the checker, asked first after {@link InMemoryConfig#transactionTimeout()} and then every
 * {@link InMemoryConfig#transactionCheckInterval()}, at most {@link InMemoryConfig#transactionMaxChecks()}
 * times, after which the message is abandoned (never delivered). Thread-safe.
 */
final class InMemoryTransactionalPublisher extends AbstractTransactionalPublisher {

  private record Half(Message message, String messageId, String transactionId, QueueRef queue, Instant bornTime) {}

  private final Broker broker;
  private final BooleanSupplier closed;
  private final ExecutorService callbacks;
  private final TransactionChecker checker;

  InMemoryTransactionalPublisher(Broker broker, Capabilities capabilities, BooleanSupplier closed,
      ExecutorService callbacks, TransactionChecker checker) {
    super(capabilities, broker::now, closed);
    this.broker = broker;
    this.closed = closed;
    this.callbacks = callbacks;
    this.checker = checker;
  }

  @Override
  protected Option<PublishFailure> admitFurther(Message message) {
    return Admission.topicExists(broker, message);
  }

  @Override
  protected Either<PublishFailure, TransactionResult> storeInTransaction(Message message, LocalTransaction local) {
    String topic = message.topic().name();
    Half half = new Half(message, Broker.newMessageId(), UUID.randomUUID().toString(),
        new QueueRef(topic, broker.selectQueue(topic)), broker.now());
    broker.journal.record(half.bornTime, half.messageId, Journal.Kind.HALF_STORED, half.transactionId);
    Decision decision = runLocal(local, message, half.transactionId);
    apply(half, decision.outcome(), 0);
    SendReceipt receipt = new SendReceipt(half.messageId, message.topic(), half.queue.queueId(), Option.none());
    return Either.right(new TransactionResult(receipt, half.transactionId, decision.outcome(), decision.failure()));
  }

  private void apply(Half half, TransactionOutcome outcome, int checksSoFar) {
    switch (outcome) {
      case COMMIT -> {
        broker.journal.record(broker.now(), half.messageId, Journal.Kind.COMMITTED, half.transactionId);
        broker.append(half.queue, half.message, half.messageId, half.bornTime, 0);
      }
      case ROLLBACK -> broker.journal.record(broker.now(), half.messageId, Journal.Kind.ROLLED_BACK,
          half.transactionId);
      case UNKNOWN -> {
        if (checksSoFar >= broker.config.transactionMaxChecks()) {
          broker.journal.record(broker.now(), half.messageId, Journal.Kind.ABANDONED,
              "no decision after " + checksSoFar + " checks");
          return;
        }
        var wait = checksSoFar == 0 ? broker.config.transactionTimeout() : broker.config.transactionCheckInterval();
        broker.at(broker.now().plus(wait), () -> check(half, checksSoFar + 1));
      }
      default -> throw new IllegalStateException("unexpected outcome " + outcome);
    }
  }

  /** Runs the checker on a callback thread (called under the broker lock by the scheduler). */
  private void check(Half half, int checkNumber) {
    if (closed.getAsBoolean()) {
      return;
    }
    broker.beginWork();
    callbacks.execute(() -> {
      try {
        TransactionOutcome outcome = askChecker(checker,
            new TransactionCheck(half.message, half.messageId, half.transactionId, checkNumber));
        broker.journal.record(broker.now(), half.messageId, Journal.Kind.CHECKED, checkNumber + ": " + outcome);
        apply(half, outcome, checkNumber);
      } finally {
        broker.endWork();
      }
    });
  }
}
