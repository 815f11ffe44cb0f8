package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The order in which the base publishers admit a message: the shared checks' verdict, then a closed
 * runtime, then the adapter's own refusal. Immutable; thread-safe.
 */
final class Admission {
  private final BooleanSupplier closed;
  private final Function<Message, Option<PublishFailure>> further;

  Admission(BooleanSupplier closed, Function<Message, Option<PublishFailure>> further) {
    this.closed = closed;
    this.further = further;
  }

  /** {@code message}, or the first failure: {@code invalid}, a closed runtime, the adapter's refusal. */
  Either<PublishFailure, Message> admit(Message message, Option<PublishFailure> invalid) {
    if (invalid.isDefined()) {
      return Either.left(invalid.get());
    }
    if (closed.getAsBoolean()) {
      return Either.left(new PublishFailure.Closed("the messaging runtime is closed"));
    }
    return further.apply(message).toLeft(message);
  }
}
