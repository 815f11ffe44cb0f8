package dev.rocketport.rocketmq.consume;

import dev.rocketport.messaging.Reply;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.rocketmq.client.MessageMapping;
import java.util.List;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a handler's {@link Reply} to the requester of each request it answered, with RocketMQ's
 * request-reply: the reply goes to the reply topic of the broker's cluster
 * ({@code <cluster>_REPLY_TOPIC}, which every broker creates at start, so
 * {@code autoCreateTopicEnable=false} needs nothing more) and the broker pushes it to the requesting
 * client. A reply that cannot be sent is logged: the request stays acknowledged and the requester
 * times out. Thread-safe.
 */
public final class Replies {
  private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

  private final DefaultMQProducer producer;
  private final SubscriptionSpec spec;

  Replies(DefaultMQProducer producer, SubscriptionSpec spec) {
    this.producer = producer;
    this.spec = spec;
  }

  void send(List<MessageExt> requests, Reply reply) {
    for (MessageExt request : requests) {
      try {
        var message = MessageMapping.replyTo(request, reply);
        if (message.isEmpty()) {
          LOG.warn("group {}: message {} is not a request; reply dropped", spec.group(),
              MessageMapping.messageId(request));
        } else {
          producer.send(message.get());
        }
      } catch (Exception e) {
        LOG.warn("group {}: could not reply to request {}; its requester will time out", spec.group(),
            MessageMapping.messageId(request), e);
      }
    }
  }
}
