package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.TransactionCheck;
import dev.rocketport.messaging.TransactionOutcome;
import dev.rocketport.messaging.TransactionResult;
import dev.rocketport.messaging.TransactionalPublisher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Transactional messages: visible only on COMMIT, never on ROLLBACK, UNKNOWN resolved by the checker,
 * a throwing local transaction left to the checker. The checker answers from a map keyed by the
 * message body, as an application would from its database.
 */
public abstract class TransactionCases extends TckCases {
  private final Map<String, TransactionOutcome> decisions = new ConcurrentHashMap<>();
  private final List<TransactionCheck> checks = new CopyOnWriteArrayList<>();
  private TransactionalPublisher transactions;

  @BeforeEach
  void createTransactionalPublisher() {
    transactions = messaging().transactionalPublisher(ProducerGroup.of("tck-tx-" + UUID.randomUUID()), check -> {
      checks.add(check);
      return decisions.getOrDefault(check.message().bodyAsString(), TransactionOutcome.UNKNOWN);
    });
  }

  private TransactionResult send(Topic topic, String body, TransactionOutcome local) {
    var result = transactions.sendInTransaction(text(topic, body), (m, txId) -> local);
    assertTrue(result.isRight(), () -> "half message not stored: " + result.getLeft().description());
    assertEquals(local, result.get().outcome());
    return result.get();
  }

  @Test
  @DisplayName("COMMIT makes the message visible with the receipt's id")
  void commitIsDelivered() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    TransactionResult result = send(topic, "commit-me", TransactionOutcome.COMMIT);
    ctx().await("the committed message", () -> inbox.contains(result.receipt().messageId()));
    assertEquals("commit-me", inbox.messages().get(0).bodyAsString());
  }

  @Test
  @DisplayName("ROLLBACK is never delivered, while a later committed message is")
  void rollbackNeverDelivered() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    send(topic, "roll-me-back", TransactionOutcome.ROLLBACK);
    send(topic, "sentinel", TransactionOutcome.COMMIT);
    ctx().await("the sentinel", () -> inbox.bodies().contains("sentinel"));
    ctx().holds("the rolled-back message never arrives", () -> !inbox.bodies().contains("roll-me-back"));
  }

  @Test
  @DisplayName("UNKNOWN is resolved by the checker: COMMIT delivers, with the transaction id given to the local transaction")
  void unknownThenCommit() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    decisions.put("decided-later", TransactionOutcome.COMMIT);
    TransactionResult result = send(topic, "decided-later", TransactionOutcome.UNKNOWN);
    ctx().await("the message committed by the checker", () -> inbox.contains(result.receipt().messageId()));
    TransactionCheck check = checks.stream().filter(c -> c.message().bodyAsString().equals("decided-later"))
        .findFirst().orElseThrow();
    assertEquals(result.transactionId(), check.transactionId());
    assertEquals(result.receipt().messageId(), check.messageId());
    assertTrue(check.checkNumber() >= 1);
  }

  @Test
  @DisplayName("UNKNOWN resolved by the checker as ROLLBACK is never delivered")
  void unknownThenRollback() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    decisions.put("doomed", TransactionOutcome.ROLLBACK);
    send(topic, "doomed", TransactionOutcome.UNKNOWN);
    ctx().await("the checker to be asked", () -> checks.stream()
        .anyMatch(c -> c.message().bodyAsString().equals("doomed")));
    ctx().holds("the message never arrives", () -> !inbox.bodies().contains("doomed"));
  }

  @Test
  @DisplayName("a local transaction that throws counts as UNKNOWN and the checker decides")
  void throwingLocalTransaction() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    decisions.put("flaky", TransactionOutcome.COMMIT);
    var result = transactions.sendInTransaction(text(topic, "flaky"), (m, txId) -> {
      throw new IllegalStateException("database down");
    });
    assertEquals(TransactionOutcome.UNKNOWN, result.get().outcome());
    assertTrue(result.get().localFailure().exists(f -> f.contains("database down")));
    ctx().await("the message committed by the checker", () -> inbox.bodies().contains("flaky"));
  }

  @Test
  @DisplayName("a half message that cannot be stored does not run the local transaction")
  void missingTopicSkipsLocalTransaction() {
    AtomicBoolean ran = new AtomicBoolean();
    Topic missing = ctx().missingTopic();
    var result = transactions.sendInTransaction(text(missing, "x"), (m, txId) -> {
      ran.set(true);
      return TransactionOutcome.COMMIT;
    });
    assertEquals(new PublishFailure.TopicNotFound(missing), result.getLeft());
    assertTrue(!ran.get(), "the local transaction must not run");
  }

  @Test
  @DisplayName("transactional messages cannot be delayed")
  void delayedRejected() {
    Topic topic = ctx().topic();
    var result = transactions.sendInTransaction(
        Message.builder(topic).body("x").deliverAfter(Duration.ofSeconds(5)).build(), (m, t) -> TransactionOutcome.COMMIT);
    assertEquals("delay", ((PublishFailure.InvalidMessage) result.getLeft()).field());
  }

  @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the case checks the refusal
  @Test
  @DisplayName("a transactional publisher needs a checker, and one group keeps one checker")
  void checkerRules() {
    ProducerGroup group = ProducerGroup.of("tck-tx-rules-" + UUID.randomUUID());
    assertEquals("checker", assertThrows(InvalidArgumentException.class,
        () -> messaging().transactionalPublisher(group, null)).field());
    var checker = (dev.rocketport.messaging.TransactionChecker) c -> TransactionOutcome.COMMIT;
    var first = messaging().transactionalPublisher(group, checker);
    assertSame(first, messaging().transactionalPublisher(group, checker));
    assertThrows(IllegalStateException.class,
        () -> messaging().transactionalPublisher(group, c -> TransactionOutcome.ROLLBACK));
  }
}
