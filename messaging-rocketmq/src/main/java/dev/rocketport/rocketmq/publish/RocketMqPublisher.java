package dev.rocketport.rocketmq.publish;

import dev.rocketport.messaging.Dispatched;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.spi.AbstractPublisher;
import dev.rocketport.messaging.spi.AdapterContext;
import dev.rocketport.rocketmq.client.ClientInternals;
import dev.rocketport.rocketmq.client.MessageMapping;
import dev.rocketport.rocketmq.client.RouteProbe;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * {@link dev.rocketport.messaging.Publisher} and {@link dev.rocketport.messaging.OrderedPublisher} on one {@link DefaultMQProducer}, admitted by
 * {@link AbstractPublisher} like every adapter's before anything is sent. Every send follows
 * {@link Resends}: flow-control refusals are resent after a pause within the send timeout, broker
 * failures on another attempt, and a failure is unknown-outcome if any attempt may have stored the
 * message. Plain sends go through a {@link SendFlow}: asynchronous ones wait for room in its window
 * (at most the send timeout, so overload turns into waiting rather than refusals) and, with
 * coalescing on (the default), the excess of concurrent plain and ordered sends rides shared
 * batches. Thread-safe; {@link #drain()} ends it.
 */
public final class RocketMqPublisher extends AbstractPublisher {
  private final DefaultMQProducer producer;
  private final MessageMapping mapping;
  private final RouteProbe routes;
  private final RocketMqConfig config;
  private final BooleanSupplier closed;
  private final SendFlow flow;
  private final AsyncAttempts asyncAttempts;
  private final OrderedQueues orderedQueues = new OrderedQueues();
  private final RouteRefresh routeRefresh;

  public RocketMqPublisher(AdapterContext context, DefaultMQProducer producer, MessageMapping mapping,
      RouteProbe routes, RocketMqConfig config) {
    super(context);
    this.producer = producer;
    this.mapping = mapping;
    this.routes = routes;
    this.config = config;
    this.closed = context.closed();
    this.flow = new SendFlow(config.asyncMaxInFlight(), config.coalesceSends(), config.sendTimeout(),
        config.maxMessageSize(), this::sendRocketBatch);
    this.routeRefresh = new RouteRefresh(topic -> ClientInternals.refreshRoute(producer, topic));
    this.asyncAttempts = new AsyncAttempts(producer, flow.window(), this::finish);
  }

  @Override
  protected Either<PublishFailure, SendReceipt> store(Message message) {
    var msg = mapping.toRocketMq(message, Instant.now());
    if (flow.mustCoalesce(message)) {
      return coalesced(new SendCoalescer.Lane(message.topic(), null), msg);
    }
    try {
      return sendSync(message.topic(), true, timeout -> producer.send(msg, timeout))
          .flatMap(result -> SendOutcomes.of(result, message.topic(), message.delay().isEmpty()));
    } finally {
      flow.leaveDirectLane(message);
    }
  }

  /** Waits for the outcome of {@code mapped}'s coalesced send in {@code lane}. */
  private Either<PublishFailure, SendReceipt> coalesced(SendCoalescer.Lane lane,
      org.apache.rocketmq.common.message.Message mapped) {
    try {
      return flow.coalesce(lane, mapped).get(config.sendTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return Either.left(new PublishFailure.Timeout(config.sendTimeout(), "coalesced send not answered"));
    } catch (Exception e) {
      return Either.left(failure(e, lane.topic()));
    }
  }

  /**
   * Sends a message the broker stored before (a dead letter being redriven) as it is, after
   * {@code marking} added the adapter's own properties: an admin action, so the publish interceptors
   * do not see it and cannot change it.
   */
  public Either<PublishFailure, SendReceipt> republish(Message message,
      Consumer<org.apache.rocketmq.common.message.Message> marking) {
    var msg = mapping.toRocketMq(message, Instant.now());
    marking.accept(msg);
    return sendSync(message.topic(), true, timeout -> producer.send(msg, timeout))
        .flatMap(result -> SendOutcomes.of(result, message.topic(), true));
  }

  /**
   * An ordered send is coalesced only into a batch for its key's own queue, chosen here as the
   * client would choose it; while the client knows no route for the topic yet, it goes directly.
   */
  @Override
  protected Either<PublishFailure, SendReceipt> storeOrdered(Message message, ShardingKey shardingKey) {
    var msg = mapping.toRocketMq(message, Instant.now());
    if (flow.mustCoalesce(message)) {
      List<MessageQueue> live = ClientInternals.publishQueues(producer, msg.getTopic());
      if (live.isEmpty()) {
        return sendOrdered(message.topic(), msg, shardingKey);
      }
      try {
        return coalesced(new SendCoalescer.Lane(message.topic(), orderedQueues.select(live, shardingKey)), msg);
      } catch (OrderedQueues.QueueUnavailable e) {
        return Either.left(failure(e, message.topic()));
      }
    }
    try {
      return sendOrdered(message.topic(), msg, shardingKey);
    } finally {
      flow.leaveDirectLane(message);
    }
  }

  private Either<PublishFailure, SendReceipt> sendOrdered(Topic topic, org.apache.rocketmq.common.message.Message msg,
      ShardingKey shardingKey) {
    return sendSync(topic, false, timeout -> producer.send(msg,
        (queues, m, key) -> orderedQueues.select(queues, (ShardingKey) key), shardingKey, timeout))
        .flatMap(result -> SendOutcomes.of(result, topic, true));
  }

  @Override
  protected CompletionStage<Either<PublishFailure, SendReceipt>> storeAsync(Message message) {
    if (!flow.enterWindow()) {
      return CompletableFuture.completedFuture(Either.left(new PublishFailure.Timeout(config.sendTimeout(),
          "no room among the asynchronous sends in flight (" + flow.describeWindow() + ")")));
    }
    if (flow.mustCoalesce(message)) {
      return flow.coalesce(new SendCoalescer.Lane(message.topic(), null), mapping.toRocketMq(message, Instant.now()))
          .whenComplete((r, e) -> flow.leaveWindow(r != null && r.isRight()));
    }
    CompletableFuture<Either<PublishFailure, SendReceipt>> result = new CompletableFuture<>();
    Resends resends = new Resends(message.topic(), config.sendTimeout(), config.sendRetries(), true);
    try {
      asyncAttempts.send(mapping.toRocketMq(message, Instant.now()), message, resends, result);
    } catch (RuntimeException e) {
      // only the mapping can throw here (attempts report their own failures); the room taken must be freed
      result.complete(Either.left(failure(e, message.topic())));
    }
    return result.whenComplete((r, e) -> {
      flow.leaveDirectLane(message);
      flow.leaveWindow(r != null && r.isRight());
    });
  }

  @Override
  protected Either<PublishFailure, Dispatched> storeOneway(Message message) {
    try {
      var mapped = mapping.toRocketMq(message, Instant.now());
      // the id is the client's own; set here rather than by the send so that it can be reported
      MessageClientIDSetter.setUniqID(mapped);
      producer.sendOneway(mapped);
      return Either.right(new Dispatched(MessageClientIDSetter.getUniqID(mapped), message.topic()));
    } catch (Exception e) {
      return Either.left(failure(e, message.topic()));
    }
  }

  @Override
  protected List<Either<PublishFailure, SendReceipt>> storeChunk(List<Message> chunk) {
    if (chunk.size() == 1) {
      // alone, as a plain send: a message near the size limit fits as one, but its batch encoding would not
      return List.of(store(chunk.get(0)));
    }
    Topic topic = chunk.get(0).topic();
    List<org.apache.rocketmq.common.message.Message> batch = new ArrayList<>(chunk.size());
    for (Message message : chunk) {
      var m = mapping.toRocketMq(message, Instant.now());
      MessageClientIDSetter.setUniqID(m);
      batch.add(m);
    }
    return sendRocketBatch(new SendCoalescer.Lane(topic, null), batch);
  }

  /**
   * Sends RocketMQ messages (each with its unique id set) of one lane as one batch; one result each.
   * A batch for one queue (ordered sends) is resent only while no attempt may have stored it, as an
   * ordered send is.
   */
  private List<Either<PublishFailure, SendReceipt>> sendRocketBatch(SendCoalescer.Lane lane,
      List<org.apache.rocketmq.common.message.Message> batch) {
    Topic topic = lane.topic();
    MessageQueue queue = lane.queue();
    List<Either<PublishFailure, SendReceipt>> results = new ArrayList<>(batch.size());
    Either<PublishFailure, SendReceipt> whole = (queue == null
        ? sendSync(topic, true, timeout -> producer.send(batch, timeout))
        : sendSync(topic, false, timeout -> producer.send(batch, queue, timeout)))
        .flatMap(result -> SendOutcomes.of(result, topic, true));
    for (int i = 0; i < batch.size(); i++) {
      int offset = i;
      results.add(whole.map(r -> new SendReceipt(MessageClientIDSetter.getUniqID(batch.get(offset)), topic,
          r.queueId(), r.queueOffset().map(first -> first + offset))));
    }
    return results;
  }

  /** Attempts on the calling thread, following {@link Resends}; {@code resendUncertain} as there. */
  private <T> Either<PublishFailure, T> sendSync(Topic topic, boolean resendUncertain, Resends.Attempt<T> attempt) {
    return new Resends(topic, config.sendTimeout(), config.sendRetries(), resendUncertain)
        .run(attempt, flow::congested).mapLeft(f -> finish(f, topic));
  }

  private PublishFailure failure(Throwable e, Topic topic) {
    return finish(SendOutcomes.failure(e, topic, config.sendTimeout()), topic);
  }

  /**
   * A send's failure as the caller sees it: a missing route explained; a definite failure while the
   * runtime closes is {@link PublishFailure.Closed}, but an unknown outcome stays unknown. A broker
   * found unavailable has the topic's route fetched again ({@link RouteRefresh}).
   */
  private PublishFailure finish(PublishFailure failure, Topic topic) {
    if (failure instanceof PublishFailure.BrokerUnavailable) {
      routeRefresh.brokerUnavailable(topic);
    }
    if (closed.getAsBoolean() && !failure.outcomeUnknown()) {
      return new PublishFailure.Closed("the messaging runtime closed during the send (" + failure.description() + ")");
    }
    return failure instanceof PublishFailure.TopicNotFound ? routes.explainMissingRoute(topic) : failure;
  }

  /**
   * Waits, up to the close timeout, until no asynchronous send is in flight (resends pending
   * included); returns whether none is. Then stops the asynchronous resends ({@link AsyncAttempts#close()})
   * and the route refresh.
   */
  public boolean drain() {
    try {
      return flow.drain(config.closeTimeout());
    } finally {
      asyncAttempts.close();
      routeRefresh.close();
    }
  }
}
