package dev.rocketport.rocketmq.grpc.publish;

import dev.rocketport.messaging.LocalTransaction;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.TransactionCheck;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionOutcome;
import dev.rocketport.messaging.TransactionResult;
import dev.rocketport.messaging.spi.AbstractTransactionalPublisher;
import dev.rocketport.messaging.spi.AdapterContext;
import dev.rocketport.rocketmq.grpc.client.GrpcClients;
import dev.rocketport.rocketmq.grpc.client.GrpcMessages;
import dev.rocketport.rocketmq.grpc.client.Receipts;
import dev.rocketport.rocketmq.grpc.client.SendFailures;
import io.vavr.control.Either;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.apis.ClientException;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.Transaction;
import org.apache.rocketmq.client.apis.producer.TransactionResolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One producer group's transactional sends through a {@code rocketmq-client-java} producer: the half
 * message is stored, the local transaction runs, and the transaction is committed or rolled back;
 * an unknown outcome is left to the proxy's check-back, which asks the group's
 * {@link TransactionChecker}. The client does not show a check-back the transaction's id, so this
 * adapter names a transaction by its message's id: the local transaction, the
 * {@link TransactionResult} and every {@link TransactionCheck} see that one id. A check's number
 * counts the checks this publisher answered for the message. One producer per topic, started on
 * the first send to it: the proxy sends a topic's check-backs to the producers that declared it.
 * Thread-safe; {@link #close()} shuts the producers down.
 */
public final class GrpcTransactionalPublisher extends AbstractTransactionalPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcTransactionalPublisher.class);

  private final AdapterContext context;
  private final GrpcMessages messages;
  private final Duration timeout;
  private final GrpcClients clients;
  private final org.apache.rocketmq.client.apis.producer.TransactionChecker checker;
  /** One producer per topic: the proxy sends a topic's check-backs to producers that declared it. */
  private final Map<String, Producer> producers = new ConcurrentHashMap<>();
  /** Checks answered so far per message id, until one decides. */
  private final Map<String, Integer> checks = new ConcurrentHashMap<>();

  public GrpcTransactionalPublisher(AdapterContext context, GrpcClients clients, GrpcMessages messages,
      TransactionChecker checker) throws ClientException {
    super(context);
    this.context = context;
    this.messages = messages;
    this.timeout = clients.config().requestTimeout();
    this.clients = clients;
    this.checker = view -> resolution(check(view, checker));
  }

  private Producer producer(String topic) throws ClientException {
    Producer producer = producers.get(topic);
    if (producer == null) {
      synchronized (producers) {
        producer = producers.get(topic);
        if (producer == null) {
          producer = clients.transactionalProducer(topic, checker);
          producers.put(topic, producer);
        }
      }
    }
    return producer;
  }

  private TransactionOutcome check(MessageView view, TransactionChecker checker) {
    String id = view.getMessageId().toString();
    int number = checks.merge(id, 1, Integer::sum);
    Message message = messages.received(view, Topic.of(view.getTopic())).message();
    TransactionOutcome outcome = askChecker(checker, new TransactionCheck(message, id, id, number));
    if (outcome != TransactionOutcome.UNKNOWN) {
      checks.remove(id);
    }
    return outcome;
  }

  private static TransactionResolution resolution(TransactionOutcome outcome) {
    return switch (outcome) {
      case COMMIT -> TransactionResolution.COMMIT;
      case ROLLBACK -> TransactionResolution.ROLLBACK;
      case UNKNOWN -> TransactionResolution.UNKNOWN;
    };
  }

  @Override
  protected Either<PublishFailure, TransactionResult> storeInTransaction(Message message,
      LocalTransaction localTransaction) {
    Transaction transaction;
    SendReceipt receipt;
    try {
      Producer producer = producer(message.topic().name());
      transaction = producer.beginTransaction();
      receipt = Receipts.of(producer.send(messages.toGrpc(message, context.now(), null), transaction), message);
    } catch (Exception e) {
      return Either.left(SendFailures.classify(e, message.topic(), timeout));
    }
    String id = receipt.messageId();
    Decision decision = runLocal(localTransaction, message, id);
    try {
      switch (decision.outcome()) {
        case COMMIT -> transaction.commit();
        case ROLLBACK -> transaction.rollback();
        case UNKNOWN -> LOG.debug("transaction {} left to the check-back", id);
      }
    } catch (ClientException e) {
      // the half message is stored: the proxy's check-back decides it
      LOG.warn("ending transaction {} failed; the checker will decide", id, e);
    }
    return Either.right(new TransactionResult(receipt, id, decision.outcome(), decision.failure()));
  }

  @Override
  public void close() {
    synchronized (producers) {
      for (Producer producer : producers.values()) {
        try {
          producer.close();
        } catch (IOException e) {
          LOG.warn("closing a transactional producer failed", e);
        }
      }
      producers.clear();
    }
  }
}
