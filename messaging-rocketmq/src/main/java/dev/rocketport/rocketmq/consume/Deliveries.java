package dev.rocketport.rocketmq.consume;

import dev.rocketport.rocketmq.client.MessageMapping;
import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.PauseGate;
import io.vavr.control.Option;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a subscription's listener — concurrent or orderly — does with the messages the client hands
 * it: waits while the subscription is paused (at its {@link PauseGate}; messages held when it closes
 * are redelivered), runs the handler, carries out the verdict (sends a reply through
 * {@link Replies}, parks a rejected message through {@link Rejections}, retrying it if it cannot be
 * parked), and tells the listener to acknowledge or to redeliver. In broadcasting every verdict is
 * acknowledged — RocketMQ neither redelivers nor dead-letters there — and failures are logged.
 * Thread-safe.
 */
public final class Deliveries {
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
  private static final Runnable NOTHING = () -> { };

  private final SubscriptionSpec spec;
  private final HandlerInvoker invoker;
  private final PauseGate gate;
  private final Rejections rejections;
  private final Replies replies;

  Deliveries(SubscriptionSpec spec, HandlerInvoker invoker, PauseGate gate, Rejections rejections, Replies replies) {
    this.spec = spec;
    this.invoker = invoker;
    this.gate = gate;
    this.rejections = rejections;
    this.replies = replies;
  }

  PauseGate gate() {
    return gate;
  }

  /** None to acknowledge {@code messages}; otherwise the redelivery to ask for (with its delay, if requested). */
  Option<HandlerResult.Retry> handle(List<MessageExt> messages) {
    HandlerResult result = gate.awaitOpen(NOTHING, NOTHING) ? invoker.invoke(messages) : HandlerResult.retry();
    if (result instanceof HandlerResult.Replied replied) {
      replies.send(messages, replied.reply());
      return Option.none();
    }
    if (spec.deliveryMode() == DeliveryMode.BROADCASTING || result instanceof HandlerResult.Success) {
      logIfDropped(result, messages);
      return Option.none();
    }
    if (result instanceof HandlerResult.Reject reject && rejections.park(messages, reject.reason())) {
      return Option.none();
    }
    return Option.some(result instanceof HandlerResult.Retry retry ? retry : new HandlerResult.Retry(Option.none()));
  }

  private void logIfDropped(HandlerResult result, List<MessageExt> messages) {
    if (!(result instanceof HandlerResult.Success)) {
      LOG.warn("group {} (broadcasting): verdict {} on {}; broadcast messages are neither redelivered nor "
          + "dead-lettered", spec.group(), result.verdict(), messages.stream().map(MessageMapping::messageId).toList());
    }
  }
}
