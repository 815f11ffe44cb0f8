package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.BatchMessageHandler;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SubscriptionSpec;
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
 * Enforces {@link SubscriptionSpec#handlerTimeout()}: each call runs on a thread of its own
 * (daemon, named after the group) while the adapter's delivery thread waits at most the timeout;
 * past it the call is interrupted and this throws, so the delivery counts as failed and is
 * redelivered. A call that ignores the interrupt keeps its thread, not the adapter's. Thread-safe;
 * {@link #close()} interrupts calls still running.
 */
final class TimedHandler implements BatchMessageHandler, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TimedHandler.class);

  private final BatchMessageHandler handler;
  private final SubscriptionSpec spec;
  private final Duration timeout;
  private final ExecutorService calls;

  /** Times {@code handler} by {@code spec}'s handler timeout, which must be set. */
  TimedHandler(BatchMessageHandler handler, SubscriptionSpec spec) {
    this.handler = handler;
    this.spec = spec;
    this.timeout = spec.handlerTimeout().get();
    AtomicInteger threads = new AtomicInteger();
    this.calls = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "rocketport-handler-" + spec.group().name() + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public HandlerResult handle(List<ReceivedMessage> messages) throws Exception {
    Future<HandlerResult> call = calls.submit(() -> handler.handle(messages));
    try {
      return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      // a timed-out handler is an operational signal: say so above the debug level of ordinary retries
      LOG.warn("handler of group {} ran past its timeout of {} for {}; interrupted, will be redelivered", spec.group(),
          timeout, messages.stream().map(ReceivedMessage::messageId).toList());
      throw new HandlerTimeoutException("the handler ran past its timeout of " + timeout.toMillis()
          + " ms; interrupted, the messages will be redelivered");
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw e;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  @Override
  public void close() {
    calls.shutdownNow();
  }

  /** A handler call ran past its timeout. */
  static final class HandlerTimeoutException extends Exception {
    private static final long serialVersionUID = 1L;

    HandlerTimeoutException(String message) {
      super(message, null, false, false);
    }
  }
}
