package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.BatchMessageHandler;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SubscriptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application's handler (inside its middleware) as {@link AbstractSubscriber} hands it to an
 * adapter: every call answers a {@link Disposition} and never throws. This is the one place where a
 * failure gets its meaning: what a handler throws means what the subscription's
 * {@link dev.rocketport.messaging.FailurePolicy} says (by default "deliver again", as RocketMQ's own
 * consume loop treats any {@code Throwable}); one that answers {@code null}, and a message the adapter cannot convert (a
 * foreign producer's header that Rocketport forbids, say — so it ends in the dead-letter queue
 * instead of being lost) are all redelivered, and logged with the message ids. Thread-safe if the
 * application's handler is.
 */
public final class GuardedHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedHandler.class);

  private final BatchMessageHandler handler;
  private final SubscriptionSpec spec;
  private final MemberHealth health;
  private final @Nullable CircuitState circuit;

  GuardedHandler(BatchMessageHandler handler, SubscriptionSpec spec, MemberHealth health,
      @Nullable CircuitState circuit) {
    this.handler = handler;
    this.spec = spec;
    this.health = health;
    this.circuit = circuit;
  }

  /** The disposition of {@code messages} (exactly one for a single-message subscription). */
  public Disposition handle(List<ReceivedMessage> messages) {
    HandlerResult verdict = verdict(messages);
    Disposition disposition = Disposition.of(verdict, spec.deliveryMode());
    health.handled(messages.size());
    if (circuit != null) {
      circuit.record(verdict instanceof HandlerResult.Retry);
    }
    return disposition;
  }

  /**
   * As {@link #handle(List)}, converting the client's {@code messages} first; if one cannot be
   * converted, none is handled and all are redelivered.
   *
   * @param id names a message in the log
   */
  public <T> Disposition handle(List<T> messages, Function<T, ReceivedMessage> conversion, Function<T, String> id) {
    List<ReceivedMessage> received = new ArrayList<>(messages.size());
    try {
      for (T message : messages) {
        received.add(conversion.apply(message));
      }
    } catch (RuntimeException e) {
      LOG.error("group {}: cannot convert message {}; it will be redelivered and then dead-lettered", spec.group(),
          messages.stream().map(id).toList(), e);
      return Disposition.redeliver();
    }
    return handle(received);
  }

  private HandlerResult verdict(List<ReceivedMessage> messages) {
    try {
      @Nullable HandlerResult result = handler.handle(messages);
      if (result == null) {
        LOG.warn("handler of group {} returned null for {}; treating it as retry", spec.group(), ids(messages));
        return HandlerResult.retry();
      }
      return result;
    } catch (Throwable t) {
      health.failed(t);
      // a handler timeout redelivers, whatever the policy says of the exception types
      HandlerResult verdict = t instanceof TimedHandler.HandlerTimeoutException ? HandlerResult.retry()
          : spec.failurePolicy().verdictFor(t);
      LOG.debug("handler of group {} threw for {}; its failure policy says {}", spec.group(), ids(messages),
          verdict.verdict(), t);
      return verdict;
    }
  }

  private static List<String> ids(List<ReceivedMessage> messages) {
    return messages.stream().map(ReceivedMessage::messageId).toList();
  }
}
