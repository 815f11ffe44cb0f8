package dev.rocketport.rocketmq.publish;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The flow control of one producer's plain and ordered sends: the {@link SendWindow} that bounds
 * asynchronous sends in flight (narrowing when the broker refuses under load), and — with
 * coalescing on — the direct lane and the {@link SendCoalescer} that batches what exceeds it. A
 * coalescable send goes straight to the client (in the caller's thread, as without coalescing)
 * while fewer than {@link #DIRECT_IN_FLIGHT} are on the wire; only the excess waits to be batched,
 * so a lone or occasional sender pays no thread hop and concurrent senders share round trips.
 * Thread-safe; {@link #drain} ends it.
 */
final class SendFlow {
  /**
   * Coalesced sends: at most this many messages per batch, and only bodies up to {@link #COALESCE_MAX_BODY};
   * a batch's bytes stay within {@link #COALESCE_MAX_BYTES} and half the broker's message size limit.
   */
  static final int COALESCE_MAX_BATCH = 64;
  static final int COALESCE_MAX_BODY = 32 * 1024;
  static final int COALESCE_MAX_BYTES = 256 * 1024;
  static final int DIRECT_IN_FLIGHT = 2;
  private static final int FLUSHERS = 2;
  /** Threads sending the other lanes of a flusher's take: enough for a topic's queues (8 by default) on both flushers. */
  private static final int LANE_SENDERS = 16;

  private final SendWindow window;
  private final @Nullable SendCoalescer coalescer;
  private final AtomicInteger direct = new AtomicInteger();
  private final Duration sendTimeout;
  private final int maxInFlight;

  /**
   * @param maxMessageSize the broker's limit on a message, which a batch must also keep
   * @param sendBatch sends one lane's RocketMQ messages as one batch; used only with {@code coalesce}
   */
  SendFlow(int maxInFlight, boolean coalesce, Duration sendTimeout, int maxMessageSize,
      SendCoalescer.BatchSender sendBatch) {
    this.window = new SendWindow(maxInFlight);
    this.coalescer = coalesce ? new SendCoalescer(maxInFlight, COALESCE_MAX_BATCH,
        Math.min(COALESCE_MAX_BYTES, maxMessageSize / 2), FLUSHERS, LANE_SENDERS, sendBatch) : null;
    this.sendTimeout = sendTimeout;
    this.maxInFlight = maxInFlight;
  }

  /** The window of asynchronous sends, for the attempts that narrow it. */
  SendWindow window() {
    return window;
  }

  /** The broker refused under load: the window narrows. */
  void congested() {
    window.congested();
  }

  /** Room for one asynchronous send, waiting at most the send timeout; false if none came (or interrupted). */
  boolean enterWindow() {
    try {
      return window.acquire(sendTimeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Frees the room {@link #enterWindow} took; {@code stored} widens the window again. */
  void leaveWindow(boolean stored) {
    window.release(stored);
  }

  String describeWindow() {
    return "window " + window.limit() + " of " + maxInFlight;
  }

  /** Whether {@code message} must wait for a batch: coalescable with the direct lane full. Takes a direct slot if not. */
  boolean mustCoalesce(Message message) {
    if (!coalescable(message)) {
      return false;
    }
    if (direct.incrementAndGet() <= DIRECT_IN_FLIGHT) {
      return false;
    }
    direct.decrementAndGet();
    return true;
  }

  /** Frees the direct slot {@link #mustCoalesce} took for {@code message}. */
  void leaveDirectLane(Message message) {
    if (coalescable(message)) {
      direct.decrementAndGet();
    }
  }

  /** Hands {@code mapped} (the client's form of a message for {@code lane}) to the coalescer; completes with its own outcome. */
  CompletableFuture<Either<PublishFailure, SendReceipt>> coalesce(SendCoalescer.Lane lane,
      org.apache.rocketmq.common.message.Message mapped) {
    SendCoalescer on = coalescer;
    if (on == null) {
      throw new IllegalStateException("coalescing is off");
    }
    try {
      return on.submit(lane, mapped, sendTimeout.toNanos()).getOrElse(() -> CompletableFuture.completedFuture(
          Either.left(new PublishFailure.Timeout(sendTimeout, "the send queue stayed full"))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.completedFuture(Either.left(new PublishFailure.Closed("interrupted while queueing")));
    }
  }

  /**
   * Sends what the coalescer holds, then waits up to {@code timeout} until no asynchronous send is in
   * flight; returns whether none is.
   */
  boolean drain(Duration timeout) {
    if (coalescer != null) {
      coalescer.close();
    }
    try {
      return window.awaitEmpty(timeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean coalescable(Message message) {
    return coalescer != null && message.delay().isEmpty() && message.bodyLength() <= COALESCE_MAX_BODY;
  }
}
