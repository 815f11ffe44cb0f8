package dev.rocketport.messaging;

import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Request-reply over messaging: publishes a request and completes with the reply that a subscriber's
 * handler returned with {@link HandlerResult#reply}, matched by a correlation id the adapter sets.
 *
 * <p>The stage completes exactly once: with the reply; with {@link RequestFailure.NotSent} if the
 * request could not be published; with {@link RequestFailure.TimedOut} when {@code timeout} passes
 * (a reply that arrives later is dropped and counted in {@link #lateReplies()}); with
 * {@link RequestFailure.Closed} when the runtime closes first. Requests are delivered at least once,
 * so a replying handler may run more than once per request; the first reply wins. Invalid arguments
 * throw {@link InvalidArgumentException}. An adapter without {@link Feature#REQUEST_REPLY} throws
 * {@link UnsupportedFeatureException} and sends nothing. Thread-safe; closed with its runtime.
 */
public interface Requester {
  /** The longest timeout a request may have. */
  Duration MAX_TIMEOUT = Duration.ofHours(1);

  /**
   * Publishes {@code request} (not delayed) and waits up to {@code timeout} (positive, at most
   * {@link #MAX_TIMEOUT}) for its reply.
   */
  CompletionStage<Either<RequestFailure, Reply>> request(Message request, Duration timeout);

  /** Requests waiting for their reply now. */
  int pending();

  /** Replies that arrived after their request had timed out or closed, and were dropped. */
  long lateReplies();
}
