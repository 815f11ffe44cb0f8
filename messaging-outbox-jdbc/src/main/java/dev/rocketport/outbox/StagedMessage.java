package dev.rocketport.outbox;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One outbox row as the relay reads it: the message's parts in columns — keys joined by spaces and
 * headers as {@code name\u0001value\u0002} (characters neither may contain), the due time of a
 * delayed message as an instant. Immutable.
 */
record StagedMessage(long id, String topic, Option<String> shardingKey, Option<String> tag, String keys,
    String headers, byte[] body, Option<Instant> deliverAt, int attempts) {

  static final String COLUMNS = "id, topic, sharding_key, tag, message_keys, headers, body, deliver_at, attempts";

  static StagedMessage read(ResultSet row) throws SQLException {
    OffsetDateTime due = row.getObject("deliver_at", OffsetDateTime.class);
    return new StagedMessage(row.getLong("id"), row.getString("topic"), Option.of(row.getString("sharding_key")),
        Option.of(row.getString("tag")), row.getString("message_keys"), row.getString("headers"),
        row.getBytes("body"), Option.of(due).map(OffsetDateTime::toInstant), row.getInt("attempts"));
  }

  static @Nullable String keysOf(Message message) {
    return message.keys().isEmpty() ? null
        : String.join(" ", message.keys().stream().map(MessageKey::value).toList());
  }

  static @Nullable String headersOf(Message message) {
    if (message.headers().isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    message.headers().forEach((name, value) -> out.append(name).append('\u0001').append(value).append('\u0002'));
    return out.toString();
  }

  /** The message to publish; a due time already passed is dropped (it would be refused as a delay ≤ 0). */
  Message message(Instant now) {
    Message.Builder builder = Message.builder(Topic.of(topic)).body(body);
    tag.forEach(builder::tag);
    if (keys != null && !keys.isEmpty()) {
      for (String key : keys.split(" ")) {
        builder.key(key);
      }
    }
    decodeHeaders().forEach(builder::header);
    deliverAt.filter(due -> due.isAfter(now)).forEach(builder::deliverAt);
    return builder.build();
  }

  Option<ShardingKey> sharding() {
    return shardingKey.map(ShardingKey::of);
  }

  private Map<String, String> decodeHeaders() {
    Map<String, String> decoded = new LinkedHashMap<>();
    if (headers != null) {
      for (String pair : headers.split("\u0002")) {
        int separator = pair.indexOf('\u0001');
        if (separator > 0) {
          decoded.put(pair.substring(0, separator), pair.substring(separator + 1));
        }
      }
    }
    return decoded;
  }
}
