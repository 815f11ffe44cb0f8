package dev.rocketport.messaging;

/**
 * The decision on a transactional message: {@code COMMIT} makes it visible to subscribers,
 * {@code ROLLBACK} discards it, {@code UNKNOWN} leaves it pending until the broker asks the
 * {@link TransactionChecker} again.
 */
public enum TransactionOutcome {
  COMMIT, ROLLBACK, UNKNOWN
}
