package dev.rocketport.rocketmq.consume;

import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.rocketmq.client.MessageMapping;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks messages a handler {@linkplain dev.rocketport.messaging.HandlerResult#reject rejected} in
 * their group's dead-letter topic, through the broker: a copy with the reason as the
 * {@value MessageMapping#REJECT_REASON_PROPERTY} property is sent to the group's retry topic with a
 * reconsume count above its maximum, so the broker stores it in {@code %DLQ%<group>} (creating that
 * topic as it does for any dead letter, so {@code autoCreateTopicEnable=false} needs nothing more).
 * The client's own route there ({@code sendMessageBack} with delay level -1) cannot carry the
 * reason: the broker copies the stored message. The copy keeps the message id, body, tag, keys and
 * headers. Thread-safe.
 */
public final class Rejections {
  private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);
  /** Properties of a delivered message that must not travel with its dead-letter copy. */
  private static final List<String> TRANSIENT = List.of(MessageConst.PROPERTY_DELAY_TIME_LEVEL,
      MessageConst.PROPERTY_TIMER_DELIVER_MS, MessageConst.PROPERTY_TIMER_DELAY_SEC,
      MessageConst.PROPERTY_TIMER_DELAY_MS, MessageConst.PROPERTY_REAL_TOPIC, MessageConst.PROPERTY_REAL_QUEUE_ID,
      MessageConst.PROPERTY_TRANSACTION_PREPARED, MessageConst.PROPERTY_PRODUCER_GROUP,
      MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET, MessageConst.PROPERTY_CONSUME_START_TIMESTAMP,
      MessageConst.PROPERTY_MIN_OFFSET, MessageConst.PROPERTY_MAX_OFFSET, "__STARTDELIVERTIME");

  private final DefaultMQProducer producer;
  private final String retryTopic;
  private final SubscriptionSpec spec;

  Rejections(DefaultMQProducer producer, String physicalGroup, SubscriptionSpec spec) {
    this.producer = producer;
    this.retryTopic = MixAll.getRetryTopic(physicalGroup);
    this.spec = spec;
  }

  /** Parks every message of {@code messages}; false if one could not be stored (then the caller retries them). */
  boolean park(List<MessageExt> messages, String reason) {
    for (MessageExt ext : messages) {
      try {
        producer.send(deadLetterCopy(ext, reason));
      } catch (Exception e) {
        LOG.warn("group {}: could not dead-letter rejected message {}; it will be redelivered", spec.group(),
            MessageMapping.messageId(ext), e);
        return false;
      }
    }
    return true;
  }

  private Message deadLetterCopy(MessageExt ext, String reason) {
    Message copy = new Message(retryTopic, ext.getBody());
    copy.setFlag(ext.getFlag());
    Map<String, String> properties = new HashMap<>(ext.getProperties());
    TRANSIENT.forEach(properties::remove);
    MessageAccessor.setProperties(copy, properties);
    // listeners see a retried message under its original topic already
    MessageAccessor.putProperty(copy, MessageConst.PROPERTY_RETRY_TOPIC, ext.getTopic());
    MessageAccessor.putProperty(copy, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX,
        MessageMapping.messageId(ext));
    MessageAccessor.putProperty(copy, MessageMapping.REJECT_REASON_PROPERTY, reason);
    // a reconsume count above the maximum sends the copy to the dead-letter topic; the broker stores the
    // count, which DeadLetterQueue reads as the number of deliveries
    int attempt = ext.getReconsumeTimes() + 1;
    MessageAccessor.setReconsumeTime(copy, String.valueOf(attempt));
    MessageAccessor.setMaxReconsumeTimes(copy, String.valueOf(attempt - 1));
    return copy;
  }
}
