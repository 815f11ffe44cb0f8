package dev.rocketport.messaging.interception;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.interception.PublishEvent;
import dev.rocketport.messaging.interception.PublishInterceptor;
import dev.rocketport.messaging.interception.PublishMode;
import io.vavr.control.Either;

/**
 * Sees every publish of a runtime: before it, it may change the message (add headers, say) or refuse
 * it; after it, it sees the outcome. Installed per runtime ({@link dev.rocketport.messaging.interception.Interceptors}); the interceptors of
 * a runtime run {@link #beforePublish} in the order given and {@link #afterPublish} in the reverse
 * order, around every port and mode ({@link PublishMode}), each batch entry on its own.
 *
 * <p>A refusal ({@link #refuse}) ends the publish with {@link PublishFailure.Refused}: nothing
 * is sent and the later interceptors are not asked, but every interceptor asked so far sees the
 * outcome. The message an interceptor returns is validated like the caller's (a header that makes it
 * too large fails it as {@link PublishFailure.InvalidMessage}). An interceptor that throws refuses;
 * an exception from {@code afterPublish} is logged and ignored. {@code afterPublish} of an
 * asynchronous send runs on an adapter thread when the send completes. Implementations must be
 * thread-safe and must not block.
 */
public interface PublishInterceptor {

  /**
   * The message to send instead of {@code message} (itself, unchanged, by default), or the refusal
   * ({@link #refuse}) that ends the publish.
   */
  default Either<PublishFailure.Refused, Message> beforePublish(Message message, PublishMode mode) {
    return Either.right(message);
  }

  /** A refusal by this interceptor (named by its class) for {@code reason}. */
  default Either<PublishFailure.Refused, Message> refuse(String reason) {
    return Either.left(new PublishFailure.Refused(getClass().getName(), reason));
  }

  /** Called once per publish that {@link #beforePublish} let through (or refused), with its outcome. */
  default void afterPublish(PublishEvent event) {}
}
