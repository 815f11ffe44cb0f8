package dev.rocketport.rocketmq.grpc.client;

import dev.rocketport.messaging.Headers;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.client.MessageMapping;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.apache.rocketmq.client.apis.message.MessageBuilder;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.client.java.message.MessageViewImpl;
import org.jspecify.annotations.Nullable;

/**
 * Converts between Rocketport messages and {@code rocketmq-client-java}'s: topic, body, tag, keys,
 * headers as user properties, a sharding key as the message group (a FIFO message), a delay as a
 * delivery timestamp (classic levels become their duration). The wire is the remoting protocol's
 * message, so either adapter reads what the other wrote. Received keys and headers with Rocketport's
 * reserved prefix are dropped; a received message's queue is not reported (the client does not show
 * it). Stateless; thread-safe.
 */
public final class GrpcMessages {
  private final GrpcClients clients;

  public GrpcMessages(GrpcClients clients) {
    this.clients = clients;
  }

  /** The client's message for {@code message}; in the queue of {@code shardingKey} if given. */
  public org.apache.rocketmq.client.apis.message.Message toGrpc(Message message, Instant now,
      @Nullable ShardingKey shardingKey) {
    MessageBuilder builder = clients.messageBuilder().setTopic(message.topic().name()).setBody(message.body());
    message.tag().forEach(tag -> builder.setTag(tag.name()));
    if (!message.keys().isEmpty()) {
      builder.setKeys(message.keys().stream().map(MessageKey::value).toArray(String[]::new));
    }
    message.headers().forEach(builder::addProperty);
    message.delay().forEach(delay -> {
      Instant due = delay.dueAt(now);
      if (due.isAfter(now)) {
        builder.setDeliveryTimestamp(due.toEpochMilli());
      }
    });
    if (shardingKey != null) {
      builder.setMessageGroup(shardingKey.value());
    }
    return builder.build();
  }

  /** A one-byte message to {@code topic}, which Rocketport's own checks would refuse (a system topic, for probing). */
  org.apache.rocketmq.client.apis.message.Message probe(String topic) {
    return clients.messageBuilder().setTopic(topic).setBody(new byte[] {'.'}).build();
  }

  /**
   * The copy of a dead-lettered message that is parked in {@code deadLetterTopic}: its body, tag, keys
   * and headers, the reason it was rejected (none if it ran out of retries), the message's id and its
   * deliveries so far.
   */
  public org.apache.rocketmq.client.apis.message.Message deadLetterCopy(MessageView view, Topic topic,
      String deadLetterTopic, @Nullable String reason) {
    MessageBuilder builder = clients.messageBuilder().setTopic(deadLetterTopic).setBody(bytes(view.getBody()));
    view.getTag().ifPresent(builder::setTag);
    if (!view.getKeys().isEmpty()) {
      builder.setKeys(view.getKeys().toArray(String[]::new));
    }
    view.getProperties().forEach(builder::addProperty);
    if (reason != null) {
      builder.addProperty(MessageMapping.REJECT_REASON_PROPERTY, reason);
    }
    builder.addProperty(MessageMapping.ORIGINAL_ID_PROPERTY, messageId(view));
    String namespace = clients.config().namespace();
    builder.addProperty(MessageMapping.ORIGINAL_TOPIC_PROPERTY,
        namespace.isEmpty() ? topic.name() : namespace + "%" + topic.name());
    builder.addProperty(MessageMapping.DELIVERIES_PROPERTY, String.valueOf(view.getDeliveryAttempt()));
    return builder.build();
  }

  /** What a handler receives for {@code view}, of {@code topic} as subscribed. */
  public ReceivedMessage received(MessageView view, Topic topic) {
    Message.Builder builder = Message.builder(topic).body(bytes(view.getBody()));
    view.getTag().filter(tag -> !tag.isEmpty()).ifPresent(builder::tag);
    for (String key : view.getKeys()) {
      if (!key.isEmpty() && !key.startsWith(Headers.RESERVED_PREFIX)) {
        builder.key(key);
      }
    }
    for (Map.Entry<String, String> property : view.getProperties().entrySet()) {
      if (!Headers.isReserved(property.getKey())) {
        builder.header(property.getKey(), property.getValue());
      }
    }
    long offset = view instanceof MessageViewImpl impl ? impl.getOffset() : 0;
    // the client shows neither the message's queue (only the one it asked) nor the store time; the born
    // time stands in for the latter
    Instant born = Instant.ofEpochMilli(view.getBornTimestamp());
    return new ReceivedMessage(new StoredMessage(builder.build(), messageId(view), SendReceipt.QUEUE_NOT_REPORTED,
        offset, born, born), view.getDeliveryAttempt());
  }

  /** The id of the message {@code view} holds: a redriven dead letter keeps the id of the message it stands for. */
  public static String messageId(MessageView view) {
    String original = view.getProperties().get(MessageMapping.ORIGINAL_ID_PROPERTY);
    return original != null ? original : view.getMessageId().toString();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
