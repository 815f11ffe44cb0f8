package dev.rocketport.rocketmq.publish;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;

/**
 * Runs one asynchronous send as a chain of client attempts following its {@link Resends}: each
 * failure leads to the next attempt, after the pause the policy asks for (on a single timer
 * thread), or completes the send with what the attempts together say. Flow-control refusals narrow
 * the {@link SendWindow}. Thread-safe; {@link #close()} stops the timer — an attempt it still holds
 * then runs against the closing client and ends as {@link PublishFailure.Closed}, or
 * unknown-outcome if an earlier attempt's outcome was.
 */
public final class AsyncAttempts implements AutoCloseable {
  private final DefaultMQProducer producer;
  private final SendWindow window;
  private final BiFunction<PublishFailure, Topic, PublishFailure> finish;
  private final ScheduledExecutorService resendTimer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "rocketport-resend-timer");
    t.setDaemon(true);
    return t;
  });

  /** {@code finish} turns a send's failure into the one its caller sees (the runtime may be closing). */
  AsyncAttempts(DefaultMQProducer producer, SendWindow window,
      BiFunction<PublishFailure, Topic, PublishFailure> finish) {
    this.producer = producer;
    this.window = window;
    this.finish = finish;
  }

  /** Sends {@code msg} (the client form of {@code message}); {@code result} completes with the outcome. */
  void send(org.apache.rocketmq.common.message.Message msg, Message message, Resends resends,
      CompletableFuture<Either<PublishFailure, SendReceipt>> result) {
    try {
      producer.send(msg, new SendCallback() {
        @Override
        public void onSuccess(SendResult sendResult) {
          result.complete(SendOutcomes.of(sendResult, message.topic(), message.delay().isEmpty()));
        }

        @Override
        public void onException(Throwable e) {
          afterFailure(e, msg, message, resends, result);
        }
      }, resends.remainingMillis());
    } catch (Exception e) {
      afterFailure(e, msg, message, resends, result);
    }
  }

  private void afterFailure(Throwable e, org.apache.rocketmq.common.message.Message msg, Message message,
      Resends resends, CompletableFuture<Either<PublishFailure, SendReceipt>> result) {
    Option<Duration> pause = resends.after(e, window::congested);
    if (pause.isDefined()) {
      try {
        resendTimer.schedule(() -> send(msg, message, resends, result), pause.get().toNanos(), TimeUnit.NANOSECONDS);
        return;
      } catch (RejectedExecutionException closing) {
        // the publisher is closing: end with what the attempts so far say
      }
    }
    result.complete(Either.left(finish.apply(resends.failure(), message.topic())));
  }

  @Override
  public void close() {
    resendTimer.shutdown();
  }
}
