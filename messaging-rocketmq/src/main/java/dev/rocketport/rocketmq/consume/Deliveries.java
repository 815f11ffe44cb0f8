package dev.rocketport.rocketmq.consume;

import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.Disposition;
import dev.rocketport.messaging.spi.PauseGate;
import dev.rocketport.rocketmq.client.MessageMapping;
import java.util.List;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a subscription's listener — concurrent or orderly — does with the messages the client hands
 * it: waits while the subscription is paused (at its {@link PauseGate}; messages held when it closes
 * are redelivered), runs the handler, and carries out its {@link Disposition}: sends a reply through
 * {@link Replies}, parks a dead letter through {@link Rejections} (redelivering it if it cannot be
 * parked), logs a discarded broadcast message. What is left to tell the client is an
 * acknowledgement or a redelivery. Thread-safe.
 */
public final class Deliveries {
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

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

  /** Handles {@code messages}; answers {@link Disposition.Acknowledge} or a {@link Disposition.Redeliver} for the client. */
  Disposition handle(List<MessageExt> messages) {
    Disposition disposition = gate.awaitOpen(messages.size()) ? invoker.invoke(messages) : Disposition.redeliver();
    if (disposition instanceof Disposition.Respond respond) {
      replies.send(messages, respond.reply());
      return Disposition.acknowledge();
    }
    if (disposition instanceof Disposition.Discard discard) {
      LOG.warn("group {} (broadcasting): verdict {} on {}; broadcast messages are neither redelivered nor "
          + "dead-lettered", spec.group(), discard.verdict(), messages.stream().map(MessageMapping::messageId).toList());
      return Disposition.acknowledge();
    }
    if (disposition instanceof Disposition.DeadLetter deadLetter) {
      return rejections.park(messages, deadLetter.reason()) ? Disposition.acknowledge() : Disposition.redeliver();
    }
    return disposition;
  }
}
