package dev.rocketport.rocketmq.grpc.consume;

import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.spi.Disposition;
import dev.rocketport.messaging.spi.WireRules;
import dev.rocketport.rocketmq.grpc.client.GrpcMessages;
import java.time.Duration;
import org.apache.rocketmq.client.apis.ClientException;
import org.apache.rocketmq.client.apis.consumer.SimpleConsumer;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the proxy what became of a received message, per its {@link Disposition}:
 * <ul>
 *   <li>acknowledged (a reply a handler returns is logged: the gRPC protocol has no reply topic);
 *   <li>redelivered by making it invisible for the retry ladder's next delay (an orderly group: the
 *       requested delay, or one second, while its queue waits), so the ladder holds exactly;
 *   <li>dead-lettered — rejected, or failed on its last allowed delivery — by parking a copy in the
 *       group's dead-letter topic and then acknowledging it; if the copy cannot be stored, the message
 *       is redelivered instead, never dropped.
 * </ul>
 * A failure to tell the proxy is logged: the message becomes visible again when its invisible time
 * runs out (at least once). Thread-safe.
 */
final class Verdicts {
  private static final Logger LOG = LoggerFactory.getLogger(Verdicts.class);
  /** How long an orderly queue waits before a redelivery nobody timed. */
  static final Duration ORDERLY_PAUSE = Duration.ofSeconds(1);

  private final SubscriptionSpec spec;
  private final SimpleConsumer consumer;
  private final Producer producer;
  private final GrpcMessages messages;
  private final RetryLadder ladder;
  private final String deadLetterTopic;

  Verdicts(SubscriptionSpec spec, SimpleConsumer consumer, Producer producer, GrpcMessages messages,
      RetryLadder ladder, String deadLetterTopic) {
    this.spec = spec;
    this.consumer = consumer;
    this.producer = producer;
    this.messages = messages;
    this.ladder = ladder;
    this.deadLetterTopic = deadLetterTopic;
  }

  void apply(MessageView view, Disposition disposition) {
    try {
      if (disposition instanceof Disposition.Redeliver redeliver) {
        if (view.getDeliveryAttempt() >= spec.maxDeliveryAttempts()) {
          park(view, null);
        } else {
          consumer.changeInvisibleDuration(view, delay(view, redeliver));
        }
        return;
      }
      if (disposition instanceof Disposition.DeadLetter deadLetter) {
        park(view, deadLetter.reason());
        return;
      }
      if (disposition instanceof Disposition.Respond) {
        LOG.warn("group {}: a handler replied to {}, but the gRPC protocol has no reply topic; acknowledged",
            spec.group(), view.getMessageId());
      }
      consumer.ack(view);
    } catch (ClientException | RuntimeException e) {
      LOG.warn("group {}: could not settle message {} ({}); it is redelivered when its invisible time ends",
          spec.group(), view.getMessageId(), disposition, e);
    }
  }

  /** Gives {@code view} back to the group soon: a held message of a closing subscription. */
  void giveBack(MessageView view) {
    apply(view, new Disposition.Redeliver(io.vavr.control.Option.some(Duration.ZERO)));
  }

  private Duration delay(MessageView view, Disposition.Redeliver redeliver) {
    if (spec.ordering() == Ordering.ORDERLY) {
      return redeliver.delay().getOrElse(ORDERLY_PAUSE);
    }
    return redeliver.delay().map(d -> ladder.levels().get(WireRules.levelAtLeast(ladder, d) - 1))
        .getOrElse(() -> ladder.delayBeforeRetry(view.getDeliveryAttempt()));
  }

  /** Parks a copy in the dead-letter topic and acknowledges; redelivers if the copy cannot be stored. */
  private void park(MessageView view, @Nullable String reason) throws ClientException {
    try {
      producer.send(messages.deadLetterCopy(view, spec.topic(), deadLetterTopic, reason));
    } catch (ClientException | RuntimeException e) {
      LOG.warn("group {}: could not dead-letter message {}; it will be redelivered", spec.group(),
          view.getMessageId(), e);
      consumer.changeInvisibleDuration(view, ladder.delayBeforeRetry(view.getDeliveryAttempt()));
      return;
    }
    consumer.ack(view);
  }
}
