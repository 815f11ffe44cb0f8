package dev.rocketport.messaging;

import io.vavr.control.Either;
import java.util.List;

/**
 * Per-entry outcomes of {@link Publisher#sendBatch}, in the order of the messages given: entry
 * {@code i} is the receipt or failure of message {@code i}. Immutable and thread-safe.
 */
public record BatchResult(List<Either<PublishFailure, SendReceipt>> entries) {
  public BatchResult {
    entries = List.copyOf(InvalidArgumentException.requireNonNull(entries, "entries"));
  }

  public boolean allSent() {
    return entries.stream().allMatch(Either::isRight);
  }

  public List<SendReceipt> receipts() {
    return entries.stream().filter(Either::isRight).map(Either::get).toList();
  }

  public List<PublishFailure> failures() {
    return entries.stream().filter(Either::isLeft).map(Either::getLeft).toList();
  }

  public int size() {
    return entries.size();
  }
}
