package dev.rocketport.messaging;

/**
 * The result of {@link TransactionalPublisher#sendInTransaction}: the receipt of the half message
 * and what the local transaction decided. {@code COMMIT}: the message is (being made) visible;
 * {@code ROLLBACK}: it is discarded; {@code UNKNOWN} (also when the local transaction threw): the
 * {@link TransactionChecker} will decide. {@code localFailure} holds the exception's message when
 * the local transaction threw. Immutable.
 */
public record TransactionResult(SendReceipt receipt, String transactionId, TransactionOutcome outcome,
    io.vavr.control.Option<String> localFailure) {
  public TransactionResult {
    InvalidArgumentException.requireNonNull(receipt, "receipt");
    InvalidArgumentException.requireNonNull(transactionId, "transactionId");
    InvalidArgumentException.requireNonNull(outcome, "outcome");
    InvalidArgumentException.requireNonNull(localFailure, "localFailure");
  }
}
