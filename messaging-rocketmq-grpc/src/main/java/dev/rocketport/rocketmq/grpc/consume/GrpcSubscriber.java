package dev.rocketport.rocketmq.grpc.consume;

import dev.rocketport.messaging.AccessDeniedException;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Tag;
import dev.rocketport.messaging.spi.AbstractSubscriber;
import dev.rocketport.messaging.spi.AdapterContext;
import dev.rocketport.messaging.spi.GuardedHandler;
import dev.rocketport.messaging.spi.PauseGate;
import dev.rocketport.rocketmq.grpc.client.GroupProvisioning;
import dev.rocketport.rocketmq.grpc.client.GrpcClients;
import dev.rocketport.rocketmq.grpc.client.GrpcMessages;
import dev.rocketport.rocketmq.grpc.client.SendFailures;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.FilterExpressionType;
import org.apache.rocketmq.client.apis.consumer.SimpleConsumer;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.java.exception.ForbiddenException;
import org.apache.rocketmq.client.java.exception.NotFoundException;
import org.apache.rocketmq.client.java.exception.UnauthorizedException;

/**
 * Starts subscriptions on {@code rocketmq-client-java}'s simple consumer ({@link GrpcSubscription}).
 * With a name server configured, each group is provisioned first ({@link GroupProvisioning}: FIFO
 * for an orderly subscription, the spec's retry limit, its dead-letter topic); without one, the group
 * and its dead-letter topic must exist as the subscription needs them. A missing topic is refused
 * with {@link InvalidArgumentException} on {@code topic}, refused credentials with
 * {@link AccessDeniedException}, an unreachable proxy with {@link IllegalStateException}.
 * Thread-safe; {@link #closeAll()} closes every open subscription.
 */
public final class GrpcSubscriber extends AbstractSubscriber {
  private final GrpcClients clients;
  private final GrpcMessages messages;
  private final Producer producer;
  private final Option<GroupProvisioning> provisioning;
  private final dev.rocketport.messaging.RetryLadder ladder;
  private final List<GrpcSubscription> open = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "rocketport-grpc-subscriber-timer");
    t.setDaemon(true);
    return t;
  });

  public GrpcSubscriber(AdapterContext context, GrpcClients clients, GrpcMessages messages, Producer producer,
      Option<GroupProvisioning> provisioning) {
    super(context);
    this.clients = clients;
    this.messages = messages;
    this.producer = producer;
    this.provisioning = provisioning;
    this.ladder = context.capabilities().retryLadder();
  }

  @Override
  protected Subscription startMember(SubscriptionSpec spec, GuardedHandler handler, boolean single,
      Runnable leaveGroup) {
    String group = spec.group().name();
    for (GroupProvisioning groups : provisioning) {
      groups.requireTopic(spec.topic().name());
      try {
        if (groups.provision(group, spec.ordering() == Ordering.ORDERLY, spec.maxRetries())) {
          groups.startAt(group, spec.topic().name(), spec.startFrom());
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot set up consumer group '" + group + "' through the name server: "
            + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    SimpleConsumer consumer;
    try {
      consumer = clients.simpleConsumer(group, spec.topic().name(), expression(spec.filter()));
    } catch (Exception e) {
      throw refused(spec, SendFailures.unwrap(e));
    }
    PauseGate gate = gateFor(spec, () -> { }, () -> { });
    Verdicts verdicts = new Verdicts(spec, consumer, producer, messages, ladder,
        GroupProvisioning.deadLetterTopic(group));
    GrpcSubscription subscription = new GrpcSubscription(spec, consumer, handler, single, gate, messages, verdicts,
        clients.config().receiveWait(), clients.receiveTimeout(), closed -> {
          open.remove(closed);
          leaveGroup.run();
        });
    open.add(subscription);
    subscription.start();
    return subscription;
  }

  private static RuntimeException refused(SubscriptionSpec spec, Throwable e) {
    String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (e instanceof NotFoundException) {
      return new InvalidArgumentException("topic", "topic '" + spec.topic() + "' (or group '" + spec.group()
          + "') does not exist: " + detail);
    }
    if (e instanceof UnauthorizedException || e instanceof ForbiddenException) {
      return new AccessDeniedException("topic '" + spec.topic() + "' as group '" + spec.group() + "'", detail);
    }
    return new IllegalStateException("cannot subscribe group '" + spec.group() + "' to '" + spec.topic()
        + "' through the proxy: " + detail);
  }

  private static FilterExpression expression(Filter filter) {
    if (filter instanceof Filter.Tags tags) {
      return new FilterExpression(tags.tags().stream().map(Tag::name).sorted().collect(Collectors.joining(" || ")),
          FilterExpressionType.TAG);
    }
    if (filter instanceof Filter.Sql sql) {
      return new FilterExpression(sql.expression(), FilterExpressionType.SQL92);
    }
    return FilterExpression.SUB_ALL;
  }

  @Override
  protected void after(Duration delay, Runnable action) {
    timer.schedule(action, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Closes every open subscription (each waits for its handlers), then the timer. */
  public void closeAll() {
    open.parallelStream().forEach(GrpcSubscription::close);
    timer.shutdownNow();
  }
}
