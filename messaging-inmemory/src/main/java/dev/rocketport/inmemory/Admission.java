package dev.rocketport.inmemory;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.BooleanSupplier;

/**
 * The in-memory publishers' last gate before storing, after the shared checks: the runtime is open
 * and the topic exists. Stateless; thread-safe.
 */
final class Admission {
  private Admission() {}

  /** {@code message}, or the first failure: {@code invalid}, a closed runtime, a missing topic. */
  static Either<PublishFailure, Message> admit(Broker broker, BooleanSupplier closed, Message message,
      Option<PublishFailure> invalid) {
    if (invalid.isDefined()) {
      return Either.left(invalid.get());
    }
    if (closed.getAsBoolean()) {
      return Either.left(new PublishFailure.Closed("the messaging runtime is closed"));
    }
    if (!broker.topicExists(message.topic().name())) {
      return Either.left(new PublishFailure.TopicNotFound(message.topic()));
    }
    return Either.right(message);
  }
}
