package dev.rocketport.messaging;

/**
 * The local work of a transactional send (a database update, say). It runs after the half message
 * is stored, on the calling thread, exactly once. Returning {@code COMMIT} publishes the message,
 * {@code ROLLBACK} discards it, {@code UNKNOWN} defers the decision to the {@link TransactionChecker}.
 * A thrown exception counts as {@code UNKNOWN}: the checker decides.
 */
@FunctionalInterface
public interface LocalTransaction {
  TransactionOutcome execute(Message message, String transactionId) throws Exception;
}
