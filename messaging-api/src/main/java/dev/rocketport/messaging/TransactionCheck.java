package dev.rocketport.messaging;

/**
 * What the broker knows of a pending transaction when it checks back: the half message, its id and
 * the transaction id given to the {@link LocalTransaction}, and the number of this check (1-based).
 * Immutable.
 */
public record TransactionCheck(Message message, String messageId, String transactionId, int checkNumber) {
  public TransactionCheck {
    InvalidArgumentException.requireNonNull(message, "message");
    InvalidArgumentException.requireNonNull(messageId, "messageId");
    InvalidArgumentException.requireNonNull(transactionId, "transactionId");
  }
}
