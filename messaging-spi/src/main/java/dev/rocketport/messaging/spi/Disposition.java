package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Reply;
import io.vavr.control.Option;
import java.time.Duration;

/**
 * What becomes of the messages a handler was given, decided in one place ({@link #of}) for every
 * adapter; an adapter only tells its client. {@link GuardedHandler} answers one per call. Immutable.
 */
public sealed interface Disposition {

  /** Done with: acknowledge. */
  static Disposition acknowledge() {
    return Acknowledge.INSTANCE;
  }

  /** Deliver again after the retry ladder's next step (orderly: after the queue's suspension). */
  static Disposition redeliver() {
    return Redeliver.ON_THE_LADDER;
  }

  /**
   * The meaning of {@code result} in a subscription of {@code mode}: success acknowledges, a reply is
   * sent and acknowledges, retry redelivers, reject dead-letters. Broadcasting neither redelivers
   * nor dead-letters (as RocketMQ): there a retry or a reject discards the message.
   */
  static Disposition of(HandlerResult result, DeliveryMode mode) {
    if (result instanceof HandlerResult.Success) {
      return acknowledge();
    }
    if (result instanceof HandlerResult.Replied replied) {
      return new Respond(replied.reply());
    }
    if (mode == DeliveryMode.BROADCASTING) {
      return new Discard(result.verdict());
    }
    if (result instanceof HandlerResult.Reject reject) {
      return new DeadLetter(reject.reason());
    }
    return result instanceof HandlerResult.Retry retry ? new Redeliver(retry.delay()) : redeliver();
  }

  /** Acknowledge. */
  enum Acknowledge implements Disposition {
    INSTANCE
  }

  /** Send {@code reply} to the requester, then acknowledge (a reply that cannot be sent is logged). */
  record Respond(Reply reply) implements Disposition {
    public Respond {
      InvalidArgumentException.requireNonNull(reply, "reply");
    }
  }

  /** Deliver again: after {@code delay} if given (rounded up to the adapter's ladder), else on the ladder. */
  record Redeliver(Option<Duration> delay) implements Disposition {
    static final Redeliver ON_THE_LADDER = new Redeliver(Option.none());

    public Redeliver {
      InvalidArgumentException.requireNonNull(delay, "delay");
    }
  }

  /** Park in the group's dead-letter queue now, carrying {@code reason}. */
  record DeadLetter(String reason) implements Disposition {
    public DeadLetter {
      InvalidArgumentException.requireNonNull(reason, "reason");
    }
  }

  /**
   * Give up on the messages without dead-lettering them: a broadcasting member's failure. Adapters
   * acknowledge and log it, naming {@code verdict}.
   */
  record Discard(String verdict) implements Disposition {
    public Discard {
      InvalidArgumentException.requireNonNull(verdict, "verdict");
    }
  }
}
