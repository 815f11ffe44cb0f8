package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.Broker;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import io.vavr.control.Either;
import dev.rocketport.messaging.spi.AbstractRequester;
import dev.rocketport.messaging.spi.AdapterContext;
import java.time.Duration;

/**
 * The in-memory {@link dev.rocketport.messaging.Requester}: stores the request like a plain send and
 * has the broker route its reply back ({@link dev.rocketport.inmemory.broker.ReplyRoutes}) for twice the timeout; timeouts
 * run on the broker's clock, virtual or wall. Thread-safe.
 */
final class InMemoryRequester extends AbstractRequester {
  private final Broker broker;

  InMemoryRequester(AdapterContext context, Broker broker) {
    super(context);
    this.broker = broker;
  }

  @Override
  protected void send(Message request, Duration timeout, PendingRequest pending) {
    String topic = request.topic().name();
    if (!broker.topicExists(topic)) {
      pending.notSent(new PublishFailure.TopicNotFound(request.topic()));
      return;
    }
    Either<PublishFailure, SendReceipt> stored;
    broker.lock().lock();
    try {
      stored = broker.accept(request, broker.selectQueue(topic));
      if (stored.isRight()) {
        broker.replies().expect(stored.get().messageId(), pending::replied, timeout.multipliedBy(2));
        broker.pumpConsumersOf(topic);
      }
    } finally {
      broker.lock().unlock();
    }
    if (stored.isLeft()) {
      pending.notSent(stored.getLeft());
    }
  }

  @Override
  protected void after(Duration delay, Runnable action) {
    broker.lock().lock();
    try {
      broker.after(delay, action);
    } finally {
      broker.lock().unlock();
    }
  }
}
