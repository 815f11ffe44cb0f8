package dev.rocketport.messaging.interception;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.interception.PublishEvent;
import dev.rocketport.messaging.interception.PublishMode;
import io.vavr.control.Option;
import java.time.Duration;

/**
 * What became of one publish, as {@link dev.rocketport.messaging.interception.PublishInterceptor#afterPublish} sees it: the message as it
 * was sent (after every interceptor's changes), how, and either the failure or — except for one-way
 * sends, which get no receipt — the receipt; {@code elapsed} runs from the call to the outcome.
 * Immutable.
 */
public record PublishEvent(Message message, PublishMode mode, Option<PublishFailure> failure,
    Option<SendReceipt> receipt, Duration elapsed) {
  public PublishEvent {
    InvalidArgumentException.requireNonNull(message, "message");
    InvalidArgumentException.requireNonNull(mode, "mode");
    InvalidArgumentException.requireNonNull(failure, "failure");
    InvalidArgumentException.requireNonNull(receipt, "receipt");
    InvalidArgumentException.requireNonNull(elapsed, "elapsed");
  }

  public boolean succeeded() {
    return failure.isEmpty();
  }
}
