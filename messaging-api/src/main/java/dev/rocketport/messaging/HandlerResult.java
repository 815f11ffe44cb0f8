package dev.rocketport.messaging;

import io.vavr.control.Option;
import java.time.Duration;

/**
 * A handler's verdict on a message: {@link #success()} acknowledges it; {@link #retry()} asks for
 * redelivery on the group's retry ladder, {@link #retryAfter(Duration)} after at least the given
 * delay (rounded up to the next delay level on RocketMQ); {@link #reject(String)} dead-letters it at
 * once, without further retries, keeping the reason on the {@link dev.rocketport.messaging.admin.DeadLetter};
 * {@link #reply(Reply)} acknowledges a request ({@link Requester}) and sends its requester the reply.
 * A handler that throws is treated as {@code retry()}. In broadcasting, where nothing is redelivered or dead-lettered,
 * retry and reject both drop the message (logged). Immutable.
 */
public sealed interface HandlerResult {
  /** The longest reject reason, in characters. */
  int MAX_REASON_LENGTH = 1024;

  static HandlerResult success() {
    return Success.INSTANCE;
  }

  static HandlerResult retry() {
    return new Retry(Option.none());
  }

  static HandlerResult retryAfter(Duration delay) {
    InvalidArgumentException.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.isZero()) {
      throw new InvalidArgumentException("delay", "must be positive, was " + delay);
    }
    return new Retry(Option.some(delay));
  }

  /**
   * Dead-letters the message now: it will not be retried. {@code reason} follows the rules of a
   * header value ({@link Headers}) and is at most {@value #MAX_REASON_LENGTH} characters.
   */
  static HandlerResult reject(String reason) {
    return new Reject(reason);
  }

  /**
   * Acknowledges the message and, if it is a request, sends {@code reply} to its requester (for a
   * batch: to every request in it). A reply to a message that is not a request, or whose requester is
   * gone, is dropped and logged; a reply that cannot be sent is logged, and the requester times out.
   */
  static HandlerResult reply(Reply reply) {
    return new Replied(reply);
  }

  /** The verdict's name for logs and metrics: {@code success}, {@code retry}, {@code reject} or {@code reply}. */
  String verdict();

  /** The message was handled; it will not be delivered to this group again. */
  enum Success implements HandlerResult {
    INSTANCE;

    @Override
    public String verdict() {
      return "success";
    }
  }

  /** The message should be delivered again, after {@code delay} if given. */
  record Retry(Option<Duration> delay) implements HandlerResult {
    public Retry {
      InvalidArgumentException.requireNonNull(delay, "delay");
    }

    @Override
    public String verdict() {
      return "retry";
    }
  }

  /** The message was handled and answered with {@code reply}. */
  record Replied(Reply reply) implements HandlerResult {
    public Replied {
      InvalidArgumentException.requireNonNull(reply, "reply");
    }

    @Override
    public String verdict() {
      return "reply";
    }
  }

  /** The message can never be handled: dead-letter it now, with {@code reason}. */
  record Reject(String reason) implements HandlerResult {
    public Reject {
      Headers.checkText("reason", reason);
      if (reason.length() > MAX_REASON_LENGTH) {
        throw new InvalidArgumentException("reason", "must be at most " + MAX_REASON_LENGTH + " characters, was "
            + reason.length());
      }
    }

    @Override
    public String verdict() {
      return "reject";
    }
  }
}
