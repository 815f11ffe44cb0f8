package dev.rocketport.messaging;

/**
 * Answers the broker's check-back for a transaction left {@code UNKNOWN}: it looks up the real
 * outcome of the local transaction (by {@link TransactionCheck#transactionId()} or a message key)
 * and returns it. It may be called several times for one transaction, from adapter threads, possibly
 * concurrently, and possibly after a restart — it must be idempotent and thread-safe. Returning
 * {@code UNKNOWN} (or throwing) asks to be called again later; after the broker's maximum number of
 * checks the message is discarded.
 */
@FunctionalInterface
public interface TransactionChecker {
  TransactionOutcome check(TransactionCheck check) throws Exception;
}
