package dev.rocketport.rocketmq.publish;

import dev.rocketport.messaging.LocalTransaction;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.TransactionCheck;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionOutcome;
import dev.rocketport.messaging.TransactionResult;
import dev.rocketport.messaging.spi.AbstractTransactionalPublisher;
import dev.rocketport.messaging.spi.AdapterContext;
import dev.rocketport.rocketmq.client.MessageMapping;
import dev.rocketport.rocketmq.client.RouteProbe;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * {@link dev.rocketport.messaging.TransactionalPublisher} on a {@link TransactionMQProducer}: RocketMQ stores the half
 * message, runs the local transaction through the listener, and ends the transaction with its
 * outcome; the broker's check-backs reach the {@link TransactionChecker}. The transaction id is the
 * message's unique id. Thread-safe; closed with its runtime (then check-backs go to other producers
 * of the group).
 */
public final class RocketMqTransactionalPublisher extends AbstractTransactionalPublisher {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RocketMqTransactionalPublisher.class);

  /** One local transaction, and what it decided, handed from the sender to the listener and back. */
  private static final class Outcome {
    Decision decision = new Decision(TransactionOutcome.UNKNOWN, Option.none());
    final LocalTransaction local;

    Outcome(LocalTransaction local) {
      this.local = local;
    }
  }

  private final TransactionMQProducer producer;
  private final MessageMapping mapping;
  private final RouteProbe routes;
  private final TransactionChecker checker;
  private final int sendRetries;

  public RocketMqTransactionalPublisher(AdapterContext context, TransactionMQProducer producer,
      MessageMapping mapping, RouteProbe routes, TransactionChecker checker, int sendRetries) throws Exception {
    super(context);
    this.producer = producer;
    this.sendRetries = sendRetries;
    this.mapping = mapping;
    this.routes = routes;
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
  protected Either<PublishFailure, TransactionResult> storeInTransaction(Message message, LocalTransaction local) {
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
    return Either.right(new TransactionResult(receipt, transactionId, outcome.decision.outcome(),
        outcome.decision.failure()));
  }

  private LocalTransactionState runLocal(org.apache.rocketmq.common.message.Message msg, Outcome outcome) {
    String transactionId = msg.getTransactionId() != null ? msg.getTransactionId()
        : msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    Message ours = mapping.fromRocketMq(asExt(msg), msg.getTopic());
    outcome.decision = runLocal(outcome.local, ours, transactionId);
    return state(outcome.decision.outcome());
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
    Message ours;
    try {
      ours = mapping.fromRocketMq(msg, msg.getTopic());
    } catch (RuntimeException e) {
      // a foreign producer's half message Rocketport cannot represent: left to the broker's check limit
      LOG.warn("cannot convert half message {} for the checker; answering UNKNOWN", transactionId, e);
      return LocalTransactionState.UNKNOW;
    }
    return state(askChecker(checker, new TransactionCheck(ours, id, transactionId, checkNumber)));
  }

  private static LocalTransactionState state(TransactionOutcome outcome) {
    return switch (outcome) {
      case COMMIT -> LocalTransactionState.COMMIT_MESSAGE;
      case ROLLBACK -> LocalTransactionState.ROLLBACK_MESSAGE;
      case UNKNOWN -> LocalTransactionState.UNKNOW;
    };
  }

  public void close() {
    producer.shutdown();
  }
}
