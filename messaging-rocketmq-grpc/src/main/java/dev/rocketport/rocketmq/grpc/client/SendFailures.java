package dev.rocketport.rocketmq.grpc.client;

import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import org.apache.rocketmq.client.apis.ClientException;
import org.apache.rocketmq.client.java.exception.BadRequestException;
import org.apache.rocketmq.client.java.exception.ForbiddenException;
import org.apache.rocketmq.client.java.exception.NotFoundException;
import org.apache.rocketmq.client.java.exception.PayloadTooLargeException;
import org.apache.rocketmq.client.java.exception.RequestHeaderFieldsTooLargeException;
import org.apache.rocketmq.client.java.exception.TooManyRequestsException;
import org.apache.rocketmq.client.java.exception.UnauthorizedException;
import org.jspecify.annotations.Nullable;

/**
 * Classifies what {@code rocketmq-client-java} threw for a send, as the remoting adapter does: an
 * answer from the proxy that refuses the message (bad request, missing topic, access denied,
 * throttled), and the client's own refusal before sending (a message kind the topic does not accept),
 * mean it was not stored; anything else — a timeout, a lost connection, the proxy's
 * internal error — may have followed the request to the broker, so the outcome is unknown
 * ({@link PublishFailure.Timeout}), never "not stored". No client type escapes: the failure carries
 * the client's message as text. Stateless.
 */
public final class SendFailures {
  private SendFailures() {}

  /** Whether the proxy answered the request that threw {@code thrown} (refusing it), rather than not at all. */
  public static boolean answered(Throwable thrown) {
    Throwable e = unwrap(thrown);
    return e instanceof NotFoundException || e instanceof UnauthorizedException || e instanceof ForbiddenException
        || e instanceof BadRequestException || e instanceof PayloadTooLargeException
        || e instanceof RequestHeaderFieldsTooLargeException || e instanceof TooManyRequestsException;
  }

  public static PublishFailure classify(Throwable thrown, Topic topic, Duration timeout) {
    Throwable e = unwrap(thrown);
    String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (e instanceof NotFoundException) {
      return new PublishFailure.TopicNotFound(topic);
    }
    if (e instanceof UnauthorizedException || e instanceof ForbiddenException) {
      return new PublishFailure.AccessDenied(topic, detail);
    }
    if (e instanceof BadRequestException || e instanceof PayloadTooLargeException
        || e instanceof RequestHeaderFieldsTooLargeException) {
      return new PublishFailure.Rejected("BAD_REQUEST", detail);
    }
    if (e instanceof IllegalArgumentException) {
      // the client's own check before sending: a message kind the topic does not accept, say
      return new PublishFailure.Rejected("NOT_ACCEPTED_BY_TOPIC", detail);
    }
    if (e instanceof TooManyRequestsException) {
      return new PublishFailure.Rejected("TOO_MANY_REQUESTS", detail);
    }
    return new PublishFailure.Timeout(timeout, "outcome unknown: " + detail);
  }

  /**
   * The failure itself, out of the futures' and the client's service wrappers: the innermost
   * {@link ClientException} among the causes (the most specific: a proxy's answer), or else the
   * innermost cause.
   */
  public static Throwable unwrap(Throwable thrown) {
    Throwable innermost = thrown;
    @Nullable Throwable client = null;
    for (Throwable e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
      innermost = e;
      if (e instanceof ClientException) {
        client = e;
      }
    }
    return client != null ? client : innermost;
  }
}
