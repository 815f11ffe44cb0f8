package dev.rocketport.middleware;

import dev.rocketport.messaging.HandlerMiddleware;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.HandlerContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Too slow means retry: runs the rest of the chain on a worker thread and, if it has not answered
 * within the timeout, interrupts it and answers {@link HandlerResult#retry()}, so the message is
 * redelivered (as RocketMQ's own consume timeout does, at a finer grain). A handler that ignores the
 * interrupt keeps running on its worker: its effect may then happen as well as the redelivery's, so
 * handlers under a timeout should be idempotent. Costs one thread hand-off per call. Thread-safe;
 * {@link #close()} stops the workers (interrupting handlers still running).
 */
public final class HandlerTimeout implements HandlerMiddleware, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HandlerTimeout.class);
  private static final AtomicInteger IDS = new AtomicInteger();

  private final Duration timeout;
  private final ExecutorService workers;

  private HandlerTimeout(Duration timeout) {
    this.timeout = timeout;
    String prefix = "rocketport-handler-timeout-" + IDS.incrementAndGet() + "-";
    AtomicInteger threads = new AtomicInteger();
    this.workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, prefix + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** A timeout of {@code timeout}, positive and at most a day. */
  public static HandlerTimeout of(Duration timeout) {
    InvalidArgumentException.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidArgumentException("timeout", "must be positive and at most a day, was " + timeout);
    }
    return new HandlerTimeout(timeout);
  }

  @Override
  public HandlerResult handle(HandlerContext context, List<ReceivedMessage> messages, Next next) throws Exception {
    Future<HandlerResult> running = workers.submit(() -> next.handle(messages));
    try {
      return running.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      LOG.warn("handler of group {} took longer than {} for {}; interrupted, will retry", context.group(), timeout,
          messages.stream().map(ReceivedMessage::messageId).toList());
      return HandlerResult.retry();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (InterruptedException e) {
      running.cancel(true);
      throw e;
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
