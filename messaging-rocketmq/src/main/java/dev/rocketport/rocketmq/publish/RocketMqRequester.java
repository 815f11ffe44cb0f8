package dev.rocketport.rocketmq.publish;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.spi.AbstractRequester;
import dev.rocketport.messaging.spi.AdapterContext;
import dev.rocketport.rocketmq.client.MessageMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.exception.RequestTimeoutException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.RequestCallback;

/**
 * The RocketMQ {@link dev.rocketport.messaging.Requester}, on the client's request-reply
 * ({@code DefaultMQProducer.request}): the client sets the correlation id and the requesting client
 * on the request, and the replying side's broker pushes the reply back over this producer's
 * connection. The client is asked to wait twice the timeout, so a reply up to one timeout late still
 * reaches {@link AbstractRequester} and is counted; later ones the client drops itself (and logs).
 * A request the broker refused under load is sent again after a pause within the send timeout
 * ({@link Resends}). Timeouts and those pauses run on one daemon thread. Thread-safe; {@link #close()} completes what still waits.
 */
public final class RocketMqRequester extends AbstractRequester implements AutoCloseable {
  private final DefaultMQProducer producer;
  private final MessageMapping mapping;
  private final Duration sendTimeout;
  private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "rocketport-request-timeouts");
    t.setDaemon(true);
    return t;
  });

  public RocketMqRequester(AdapterContext context, DefaultMQProducer producer, MessageMapping mapping,
      Duration sendTimeout) {
    super(context);
    this.producer = producer;
    this.mapping = mapping;
    this.sendTimeout = sendTimeout;
  }

  @Override
  protected void send(Message request, Duration timeout, PendingRequest pending) {
    // a request the broker refused under load is sent again after a pause, as a publish is
    attempt(request, timeout, pending, new Resends(request.topic(), sendTimeout, 0, false));
  }

  private void attempt(Message request, Duration timeout, PendingRequest pending, Resends resends) {
    try {
      producer.request(mapping.toRocketMq(request, Instant.now()), new RequestCallback() {
        @Override
        public void onSuccess(org.apache.rocketmq.common.message.Message reply) {
          pending.replied(MessageMapping.reply(reply));
        }

        @Override
        public void onException(Throwable e) {
          // the client's own timeout comes after ours: only a failure to send is news
          if (!(e instanceof RequestTimeoutException)) {
            failed(e, request, timeout, pending, resends);
          }
        }
      }, timeout.multipliedBy(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed(e, request, timeout, pending, resends);
    } catch (Exception e) {
      failed(e, request, timeout, pending, resends);
    }
  }

  private void failed(Throwable e, Message request, Duration timeout, PendingRequest pending, Resends resends) {
    resends.after(e, () -> { }).peek(pause -> after(pause, () -> attempt(request, timeout, pending, resends)))
        .onEmpty(() -> pending.notSent(resends.failure()));
  }

  @Override
  protected void after(Duration delay, Runnable action) {
    try {
      timeouts.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // the runtime is closing: close() completes the request
    }
  }

  @Override
  public void close() {
    closeWaiting();
    timeouts.shutdownNow();
  }
}
