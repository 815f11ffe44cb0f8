package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Reply;
import dev.rocketport.messaging.RequestFailure;
import dev.rocketport.messaging.Requester;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The base of an adapter's {@link Requester}: checks arguments and the request (as a publish,
 * undelayed), keeps the requests waiting, times them out on the adapter's clock, counts late
 * replies and completes what still waits when the runtime closes. The adapter only sends a request
 * and reports its reply or failure to the {@link PendingRequest} it is handed. A reply is counted as late
 * if it comes within one more timeout after its request gave up (adapters route replies that long).
 * Thread-safe.
 */
public abstract class AbstractRequester implements Requester {
  private final Capabilities capabilities;
  private final Supplier<Instant> clock;
  private final BooleanSupplier closed;
  private final Set<PendingRequest> waiting = ConcurrentHashMap.newKeySet();
  private final AtomicLong late = new AtomicLong();

  /** Requests complete with {@link RequestFailure.Closed} once the context's runtime is closed. */
  protected AbstractRequester(AdapterContext context) {
    this.capabilities = context.capabilities();
    this.clock = context.clock();
    this.closed = context.closed();
  }

  @Override
  public final CompletionStage<Either<RequestFailure, Reply>> request(Message request, Duration timeout) {
    InvalidArgumentException.requireNonNull(request, "request");
    InvalidArgumentException.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new InvalidArgumentException("timeout", "must be positive and at most " + MAX_TIMEOUT + ", was " + timeout);
    }
    if (closed.getAsBoolean()) {
      return CompletableFuture.completedFuture(Either.left(new RequestFailure.Closed()));
    }
    var refused = PublishChecks.checkUndelayed(request, capabilities, clock, "Requester");
    if (refused.isDefined()) {
      return CompletableFuture.completedFuture(Either.left(new RequestFailure.NotSent(refused.get())));
    }
    PendingRequest w = new PendingRequest(timeout);
    waiting.add(w);
    w.result.whenComplete((r, e) -> waiting.remove(w));
    after(timeout, () -> w.result.complete(Either.left(new RequestFailure.TimedOut(timeout))));
    send(request, timeout, w);
    if (closed.getAsBoolean()) {
      w.result.complete(Either.left(new RequestFailure.Closed()));
    }
    return w.result.minimalCompletionStage();
  }

  /** Counts requests whose outcome is not yet decided: one decided a moment ago may still be in the set. */
  @Override
  public final int pending() {
    return (int) waiting.stream().filter(w -> !w.result.isDone()).count();
  }

  @Override
  public final long lateReplies() {
    return late.get();
  }

  /** Completes every waiting request with {@link RequestFailure.Closed}; call when the runtime closes. */
  public final void closeWaiting() {
    List.copyOf(waiting).forEach(w -> w.result.complete(Either.left(new RequestFailure.Closed())));
  }

  /**
   * Publishes {@code request} (already checked) so that its reply, arriving within twice
   * {@code timeout}, reaches {@code waiting}; reports a failure to publish there too. Must not block
   * for long.
   */
  protected abstract void send(Message request, Duration timeout, PendingRequest waiting);

  /** Runs {@code action} once {@code delay} has passed on the adapter's clock. */
  protected abstract void after(Duration delay, Runnable action);

  /** One request waiting for its reply; the adapter reports to it. Thread-safe. */
  public final class PendingRequest {
    private final Duration timeout;
    private final CompletableFuture<Either<RequestFailure, Reply>> result = new CompletableFuture<>();

    private PendingRequest(Duration timeout) {
      this.timeout = timeout;
    }

    public Duration timeout() {
      return timeout;
    }

    /** The reply arrived; if the request gave up already, it is dropped and counted as late. */
    public void replied(Reply reply) {
      if (!result.complete(Either.right(reply))) {
        late.incrementAndGet();
      }
    }

    /** The request could not be published. */
    public void notSent(PublishFailure failure) {
      result.complete(Either.left(new RequestFailure.NotSent(failure)));
    }
  }
}
