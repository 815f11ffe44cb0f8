package dev.rocketport.outbox;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ShardingKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The writing side of a transactional outbox: {@link #stage} inserts a message into the outbox table
 * on the application's own connection, inside its own transaction — so the message is published
 * (by an {@link OutboxRelay}) if and only if that transaction commits. Staging does not commit, and
 * publishes nothing. Messages staged with one {@link ShardingKey} are published in staging order
 * through the ordered publisher. {@link #stageAll} stages many in one JDBC batch (one round trip).
 * Thread-safe (it holds only the table name).
 */
public final class Outbox {
  private final TableName table;
  private final String insert;

  private Outbox(TableName table) {
    this.table = table;
    this.insert = "INSERT INTO " + table + " (topic, sharding_key, tag, message_keys, headers, body, deliver_at, "
        + "staged_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  public static Outbox on(TableName table) {
    return new Outbox(InvalidArgumentException.requireNonNull(table, "table"));
  }

  public TableName table() {
    return table;
  }

  /** Stages {@code message} in {@code connection}'s transaction; returns its row id. */
  public long stage(Connection connection, Message message) throws SQLException {
    return insert(connection, message, null);
  }

  /**
   * Stages {@code message} to be published in order with the other messages of {@code shardingKey}
   * ({@link dev.rocketport.messaging.OrderedPublisher}); such a message cannot be delayed.
   */
  public long stage(Connection connection, Message message, ShardingKey shardingKey) throws SQLException {
    InvalidArgumentException.requireNonNull(shardingKey, "shardingKey");
    InvalidArgumentException.requireNonNull(message, "message");
    if (message.delay().isDefined()) {
      throw new InvalidArgumentException("delay", "an ordered message cannot be delayed");
    }
    return insert(connection, message, shardingKey.value());
  }

  /**
   * Stages {@code messages} (none sharded) in {@code connection}'s transaction as one JDBC batch, in
   * list order; returns their row ids in the same order. An empty list stages nothing. A {@code null}
   * list or entry is refused before anything is written.
   */
  public List<Long> stageAll(Connection connection, List<Message> messages) throws SQLException {
    InvalidArgumentException.requireNonNull(connection, "connection");
    InvalidArgumentException.requireNonNull(messages, "messages");
    for (int i = 0; i < messages.size(); i++) {
      InvalidArgumentException.requireNonNull(messages.get(i), "messages[" + i + "]");
    }
    if (messages.isEmpty()) {
      return List.of();
    }
    Instant now = Instant.now();
    try (PreparedStatement statement = connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
      for (Message message : messages) {
        bind(statement, message, null, now);
        statement.addBatch();
      }
      statement.executeBatch();
      List<Long> ids = new ArrayList<>(messages.size());
      try (ResultSet keys = statement.getGeneratedKeys()) {
        while (keys.next()) {
          ids.add(keys.getLong(1));
        }
      }
      if (ids.size() != messages.size()) {
        throw new SQLException("the database returned " + ids.size() + " ids for " + messages.size() + " staged rows");
      }
      return List.copyOf(ids);
    }
  }

  private long insert(Connection connection, Message message, @Nullable String shardingKey) throws SQLException {
    InvalidArgumentException.requireNonNull(connection, "connection");
    InvalidArgumentException.requireNonNull(message, "message");
    try (PreparedStatement statement = connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
      bind(statement, message, shardingKey, Instant.now());
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the staged row");
        }
        return keys.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement statement, Message message, @Nullable String shardingKey, Instant now)
      throws SQLException {
    statement.setString(1, message.topic().name());
    statement.setString(2, shardingKey);
    statement.setString(3, message.tag().map(t -> t.name()).getOrNull());
    statement.setString(4, StagedMessage.keysOf(message));
    statement.setString(5, StagedMessage.headersOf(message));
    statement.setBytes(6, message.body());
    if (message.delay().isDefined()) {
      statement.setObject(7, utc(message.delay().get().dueAt(now)));
    } else {
      statement.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
    }
    statement.setObject(8, utc(now));
    statement.setObject(9, utc(now));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
