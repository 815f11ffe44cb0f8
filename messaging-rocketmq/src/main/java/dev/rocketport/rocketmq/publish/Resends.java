package dev.rocketport.rocketmq.publish;

import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.publish.SendOutcomes.AttemptFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The resend policy of one send, and what its failed attempts together say. The RocketMQ client
 * makes a single attempt per call (its own resends are off, because its final exception hides what
 * the earlier attempts did); this decides whether to try again:
 * <ul>
 *   <li>a flow-control refusal ({@link SendOutcomes.Next#BACK_OFF}: nothing was stored) is resent
 *       after a growing, jittered pause for as long as the send timeout allows;
 *   <li>a failure of the broker or the connection ({@link SendOutcomes.Next#OTHER_BROKER}) is
 *       resent at once, at most {@code retries} times, and only if {@code resendUncertain} or no
 *       attempt so far may have stored the message (so ordered sends never risk a duplicate out of order);
 *   <li>anything else ends the send.
 * </ul>
 * The send's failure is unknown-outcome if <em>any</em> attempt's was: a timeout followed by a
 * refusal may still have stored the message. All attempts share one deadline, the send timeout.
 * Not thread-safe: one instance per send, used by one attempt at a time.
 */
public final class Resends {
  private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(5).toNanos();
  private static final long MAX_PAUSE_NANOS = Duration.ofMillis(200).toNanos();

  /** One call of the client: a single attempt with {@code timeoutMillis} left. */
  @FunctionalInterface
  interface Attempt<T> {
    T send(long timeoutMillis) throws Exception;
  }

  private final Topic topic;
  private final Duration sendTimeout;
  private final long deadline;
  private final int retries;
  private final boolean resendUncertain;
  private int retried;
  private long pause = FIRST_PAUSE_NANOS;
  private @Nullable PublishFailure firstUncertain;
  private @Nullable AttemptFailure last;

  public Resends(Topic topic, Duration sendTimeout, int retries, boolean resendUncertain) {
    this.topic = topic;
    this.sendTimeout = sendTimeout;
    this.deadline = System.nanoTime() + sendTimeout.toNanos();
    this.retries = retries;
    this.resendUncertain = resendUncertain;
  }

  /** Milliseconds left for the next attempt (at least 1, so the client still makes it and times out itself). */
  long remainingMillis() {
    return Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
  }

  /**
   * Runs attempts on the calling thread until one returns or the policy ends the send; calls
   * {@code congested} on every flow-control refusal.
   */
  <T> Either<PublishFailure, T> run(Attempt<T> attempt, Runnable congested) {
    while (true) {
      try {
        return Either.right(attempt.send(remainingMillis()));
      } catch (Exception e) {
        Option<Duration> wait = after(e, congested);
        if (wait.isEmpty()) {
          return Either.left(failure());
        }
        LockSupport.parkNanos(wait.get().toNanos());
        if (Thread.currentThread().isInterrupted()) {
          return Either.left(failure());
        }
      }
    }
  }

  /** After an attempt failed with {@code error}: the pause before the next attempt, or none if the send ends here. */
  Option<Duration> after(Throwable error, Runnable congested) {
    last = SendOutcomes.classify(error, topic, sendTimeout);
    if (last.uncertain() && firstUncertain == null) {
      firstUncertain = last.failure();
    }
    long left = deadline - System.nanoTime();
    return switch (last.next()) {
      case BACK_OFF -> {
        congested.run();
        long wait = Math.min(pause + ThreadLocalRandom.current().nextLong(pause), MAX_PAUSE_NANOS);
        pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        yield wait < left ? Option.some(Duration.ofNanos(wait)) : Option.none();
      }
      case OTHER_BROKER -> {
        boolean allowed = retried < retries && left > 0 && (resendUncertain || firstUncertain == null);
        if (allowed) {
          retried++;
        }
        yield allowed ? Option.some(Duration.ZERO) : Option.none();
      }
      case STOP -> Option.none();
    };
  }

  /** The send's failure, once {@link #after} has ended it. */
  PublishFailure failure() {
    AttemptFailure ended = Objects.requireNonNull(last, "failure() before the send ended");
    PublishFailure uncertain = firstUncertain;
    if (uncertain == null || ended.failure().outcomeUnknown()) {
      // unknown already, or definite with no uncertain attempt before it
      return ended.failure();
    }
    String detail = "an earlier attempt's outcome is unknown (" + uncertain.description() + "); then "
        + ended.failure().description();
    return uncertain instanceof PublishFailure.Timeout t ? new PublishFailure.Timeout(t.timeout(), detail)
        : new PublishFailure.BrokerUnavailable(detail);
  }
}
