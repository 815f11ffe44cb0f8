package dev.rocketport.rocketmq;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.LocalTransaction;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.TransactionCheck;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionOutcome;
import dev.rocketport.messaging.TransactionResult;
import dev.rocketport.messaging.TransactionalPublisher;
import dev.rocketport.messaging.spi.PublishChecks;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TransactionalPublisher} on a {@link TransactionMQProducer}: RocketMQ stores the half
 * message, runs the local transaction through the listener, and ends the transaction with its
 * outcome; the broker's check-backs reach the {@link TransactionChecker}. The transaction id is the
 * message's unique id. Thread-safe; closed with its runtime (then check-backs go to other producers
 * of the group).
 */
final class RocketMqTransactionalPublisher implements TransactionalPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(RocketMqTransactionalPublisher.class);

  /** What one local transaction reported, handed from the listener back to the sender. */
  private static final class Outcome {
    TransactionOutcome outcome = TransactionOutcome.UNKNOWN;
    Option<String> failure = Option.none();
    final LocalTransaction local;

    Outcome(LocalTransaction local) {
      this.local = local;
    }
  }

  private final TransactionMQProducer producer;
  private final MessageMapping mapping;
  private final Capabilities capabilities;
  private final RouteProbe routes;
  private final BooleanSupplier closed;
  private final TransactionChecker checker;
  private final int sendRetries;

  RocketMqTransactionalPublisher(TransactionMQProducer producer, MessageMapping mapping, Capabilities capabilities,
      RouteProbe routes, BooleanSupplier closed, TransactionChecker checker, int sendRetries) throws Exception {
    this.producer = producer;
    this.sendRetries = sendRetries;
    this.mapping = mapping;
    this.capabilities = capabilities;
    this.routes = routes;
    this.closed = closed;
    this.checker = checker;
    producer.setTransactionListener(new TransactionListener() {
      @Override
      public LocalTransactionState executeLocalTransaction(org.apache.rocketmq.common.message.Message msg,
          Object arg) {
        return runLocal(msg, (Outcome) arg);
      }

      @Override
      public LocalTransactionState checkLocalTransaction(MessageExt msg) {
        return check(msg);
      }
    });
    producer.start();
  }

  @Override
  public Either<PublishFailure, TransactionResult> sendInTransaction(Message message, LocalTransaction local) {
    if (local == null) {
      throw new InvalidArgumentException("localTransaction", "must not be null");
    }
    Option<PublishFailure> invalid =
        PublishChecks.checkUndelayed(message, capabilities, Instant::now, "TransactionalPublisher");
    if (invalid.isDefined()) {
      return Either.left(invalid.get());
    }
    if (closed.getAsBoolean()) {
      return Either.left(new PublishFailure.Closed("the messaging runtime is closed"));
    }
    Outcome outcome = new Outcome(local);
    var msg = mapping.toRocketMq(message, Instant.now());
    // a failed half message runs no local transaction, so a definite failure may be resent; an uncertain one may not
    Either<PublishFailure, TransactionSendResult> sent = new Resends(message.topic(),
        Duration.ofMillis(producer.getSendMsgTimeout()), sendRetries, false)
        .run(timeout -> producer.sendMessageInTransaction(msg, outcome), () -> { });
    if (sent.isLeft()) {
      PublishFailure failure = sent.getLeft();
      return Either.left(failure instanceof PublishFailure.TopicNotFound ? routes.explainMissingRoute(message.topic())
          : failure);
    }
    TransactionSendResult result = sent.get();
    if (result.getSendStatus() != SendStatus.SEND_OK) {
      return Either.left(new PublishFailure.NotDurable(result.getSendStatus().name()));
    }
    SendReceipt receipt = new SendReceipt(result.getMsgId(), message.topic(),
        result.getMessageQueue().getQueueId(), Option.none());
    String transactionId = result.getTransactionId() != null ? result.getTransactionId() : result.getMsgId();
    return Either.right(new TransactionResult(receipt, transactionId, outcome.outcome, outcome.failure));
  }

  private LocalTransactionState runLocal(org.apache.rocketmq.common.message.Message msg, Outcome outcome) {
    String transactionId = msg.getTransactionId() != null ? msg.getTransactionId()
        : msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    try {
      Message ours = mapping.fromRocketMq(asExt(msg), msg.getTopic());
      TransactionOutcome decided = outcome.local.execute(ours, transactionId);
      outcome.outcome = decided == null ? TransactionOutcome.UNKNOWN : decided;
      if (decided == null) {
        outcome.failure = Option.some("local transaction returned null");
      }
    } catch (Exception e) {
      LOG.warn("local transaction {} threw; the checker will decide", transactionId, e);
      outcome.outcome = TransactionOutcome.UNKNOWN;
      outcome.failure = Option.some(String.valueOf(e));
    }
    return state(outcome.outcome);
  }

  private static MessageExt asExt(org.apache.rocketmq.common.message.Message msg) {
    MessageExt ext = new MessageExt();
    ext.setTopic(msg.getTopic());
    ext.setBody(msg.getBody());
    ext.setFlag(msg.getFlag());
    org.apache.rocketmq.common.message.MessageAccessor.setProperties(ext, msg.getProperties());
    return ext;
  }

  private LocalTransactionState check(MessageExt msg) {
    String id = MessageMapping.messageId(msg);
    String transactionId = msg.getTransactionId() != null ? msg.getTransactionId() : id;
    int checkNumber = Integer.parseInt(java.util.Objects.requireNonNullElse(
        msg.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES), "1"));
    try {
      Message ours = mapping.fromRocketMq(msg, msg.getTopic());
      TransactionOutcome outcome = checker.check(new TransactionCheck(ours, id, transactionId, checkNumber));
      return state(outcome == null ? TransactionOutcome.UNKNOWN : outcome);
    } catch (Exception e) {
      LOG.warn("transaction checker threw for {}; will be asked again", transactionId, e);
      return LocalTransactionState.UNKNOW;
    }
  }

  private static LocalTransactionState state(TransactionOutcome outcome) {
    return switch (outcome) {
      case COMMIT -> LocalTransactionState.COMMIT_MESSAGE;
      case ROLLBACK -> LocalTransactionState.ROLLBACK_MESSAGE;
      case UNKNOWN -> LocalTransactionState.UNKNOW;
    };
  }

  void close() {
    producer.shutdown();
  }
}
