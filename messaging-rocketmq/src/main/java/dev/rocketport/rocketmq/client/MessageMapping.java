package dev.rocketport.rocketmq.client;

import dev.rocketport.messaging.Headers;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.Reply;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.utils.MessageUtil;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Converts between Rocketport messages and RocketMQ's: topic (within the namespace), body, tag,
 * keys (space-separated), user properties as headers, and a delay as a timer message (delay time or
 * delivery time; classic levels become their duration, so they mean the same on every broker).
 * Received system properties, and keys with Rocketport's reserved prefix, are dropped. Also builds replies to requests and reads them. Stateless;
 * thread-safe.
 */
public final class MessageMapping {
  /** The property of a dead-letter copy that carries the handler's reject reason. */
  public static final String REJECT_REASON_PROPERTY = Headers.RESERVED_PREFIX + "reject-reason";

  /** The property of a redriven dead letter's copy that counts its redrives (read back if it is dead-lettered again). */
  public static final String REDRIVES_PROPERTY = Headers.RESERVED_PREFIX + "redrives";
  /**
   * The property of a dead-letter copy that names the message it stands for, whose id it keeps for
   * readers: set by the gRPC adapter, whose client cannot keep a message id on a copy.
   */
  public static final String ORIGINAL_ID_PROPERTY = Headers.RESERVED_PREFIX + "original-id";
  /** The property of a gRPC dead-letter copy naming the (physical) topic the message was consumed from. */
  public static final String ORIGINAL_TOPIC_PROPERTY = Headers.RESERVED_PREFIX + "original-topic";
  /** The property of a gRPC dead-letter copy counting the deliveries of the message it stands for. */
  public static final String DELIVERIES_PROPERTY = Headers.RESERVED_PREFIX + "deliveries";
  /** The key a redriven dead letter's copy carries, naming the letter: the broker's key index finds it. */
  private static final String REDRIVEN_KEY_PREFIX = Headers.RESERVED_PREFIX + "redriven-";

  private final Clients clients;

  public MessageMapping(Clients clients) {
    this.clients = clients;
  }

  public org.apache.rocketmq.common.message.Message toRocketMq(Message message, Instant now) {
    var m = new org.apache.rocketmq.common.message.Message(clients.physical(message.topic().name()),
        message.body());
    message.tag().forEach(tag -> m.setTags(tag.name()));
    if (!message.keys().isEmpty()) {
      m.setKeys(message.keys().stream().map(MessageKey::value).toList());
    }
    message.headers().forEach(m::putUserProperty);
    message.delay().forEach(delay -> {
      Instant due = delay.dueAt(now);
      if (due.isAfter(now)) {
        m.setDeliverTimeMs(due.toEpochMilli());
      }
    });
    return m;
  }

  /** The Rocketport message carried by {@code ext}, whose topic is {@code originalTopic} (physical). */
  public Message fromRocketMq(MessageExt ext, String originalTopic) {
    Message.Builder builder = Message.builder(Topic.of(clients.logical(originalTopic))).body(ext.getBody());
    if (ext.getTags() != null && !ext.getTags().isEmpty()) {
      builder.tag(ext.getTags());
    }
    if (ext.getKeys() != null) {
      for (String key : ext.getKeys().split(MessageConst.KEY_SEPARATOR)) {
        if (!key.isEmpty() && !key.startsWith(Headers.RESERVED_PREFIX)) {
          builder.key(key);
        }
      }
    }
    for (Map.Entry<String, String> p : ext.getProperties().entrySet()) {
      if (isUserProperty(p.getKey())) {
        builder.header(p.getKey(), p.getValue());
      }
    }
    return builder.build();
  }

  public ReceivedMessage received(MessageExt ext) {
    return new ReceivedMessage(stored(ext, ext.getTopic()), ext.getReconsumeTimes() + 1);
  }

  public StoredMessage stored(MessageExt ext, String originalTopic) {
    return new StoredMessage(fromRocketMq(ext, originalTopic), messageId(ext), ext.getQueueId(), ext.getQueueOffset(),
        Instant.ofEpochMilli(ext.getBornTimestamp()), Instant.ofEpochMilli(ext.getStoreTimestamp()));
  }

  /** The Rocketport reply carried by a RocketMQ reply message: its body and user properties. */
  public static Reply reply(org.apache.rocketmq.common.message.Message message) {
    Map<String, String> headers = new LinkedHashMap<>();
    message.getProperties().forEach((name, value) -> {
      if (isUserProperty(name)) {
        headers.put(name, value);
      }
    });
    return new Reply(message.getBody(), headers);
  }

  /**
   * The RocketMQ reply to {@code request}, addressed as the client's request-reply expects (reply
   * topic of the broker's cluster, correlation id, requesting client); none if {@code request} is not
   * a request.
   */
  public static Option<org.apache.rocketmq.common.message.Message> replyTo(MessageExt request, Reply reply)
      throws MQClientException {
    if (request.getProperty(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT) == null) {
      return Option.none();
    }
    var message = MessageUtil.createReplyMessage(request, reply.body());
    reply.headers().forEach(message::putUserProperty);
    return Option.some(message);
  }

  /** The key marking the copy of the dead letter whose message id is {@code letterId}. */
  public static String redrivenKey(String letterId) {
    return REDRIVEN_KEY_PREFIX + letterId;
  }

  /** The client-generated unique id, stable across retries and dead-lettering. */
  public static String messageId(MessageExt ext) {
    String original = ext.getProperty(ORIGINAL_ID_PROPERTY);
    if (original != null) {
      return original;
    }
    String unique = ext.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
    return unique != null ? unique : ext.getMsgId();
  }

  private static boolean isUserProperty(String name) {
    return !MessageConst.STRING_HASH_SET.contains(name) && !Headers.isReserved(name);
  }
}
