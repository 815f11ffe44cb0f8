package dev.rocketport.outbox;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.SendReceipt;
import io.vavr.control.Either;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One pass of a relay, in one database transaction: lock up to a batch of due rows (skipping rows
 * another relay holds, where the database can), publish them, and mark each sent, failed for good,
 * or due again after a backoff — all committed together, after the publishes. A crash before the
 * commit leaves the rows unsent, to be published again: a duplicate, never a loss.
 *
 * <p>Per sharding key, a row is published only if every earlier unsent row of its key is in this
 * pass and was published before it; so a key's rows go out in staging order even with several
 * relays, and a failed row holds back the rest of its key. Rows without a key are sent
 * asynchronously, all at once. Not thread-safe: one pass at a time per relay.
 */
final class RelayPass {
  private final TableName table;
  private final SqlDialect dialect;
  private final Publisher publisher;
  private final OrderedPublisher ordered;
  private final RelaySettings settings;
  private final Supplier<Instant> clock;

  /** @param clock what "now" is for due rows and backoffs (the wall clock, but for a simulation) */
  RelayPass(TableName table, SqlDialect dialect, Publisher publisher, OrderedPublisher ordered,
      RelaySettings settings, Supplier<Instant> clock) {
    this.table = table;
    this.dialect = dialect;
    this.publisher = publisher;
    this.ordered = ordered;
    this.settings = settings;
    this.clock = clock;
  }

  /** What one pass did. */
  record Outcome(int locked, int sent, int retried, int failed) {}

  Outcome run(Connection connection) throws SQLException {
    Instant now = clock.get();
    List<StagedMessage> rows = lockDue(connection, now);
    if (rows.isEmpty()) {
      return new Outcome(0, 0, 0, 0);
    }
    Map<String, List<Long>> unsentByKey = unsentIdsOfKeys(connection, rows);
    Map<Long, Either<PublishFailure, SendReceipt>> results = new LinkedHashMap<>();
    List<CompletableFuture<Void>> async = new ArrayList<>();
    Set<String> blocked = new HashSet<>();
    Map<String, Integer> nextIndex = new HashMap<>();
    for (StagedMessage row : rows) {
      Message message = row.message(now);
      if (row.shardingKey().isEmpty()) {
        async.add(publisher.sendAsync(message).toCompletableFuture()
            .thenAccept(r -> { synchronized (results) { results.put(row.id(), r); } }));
        continue;
      }
      String key = row.shardingKey().get();
      int index = nextIndex.getOrDefault(key, 0);
      List<Long> unsent = unsentByKey.getOrDefault(key, List.of());
      if (blocked.contains(key) || index >= unsent.size() || unsent.get(index) != row.id()) {
        blocked.add(key); // an earlier row of the key is not ours to send, or failed: leave the rest
        continue;
      }
      var result = ordered.send(message, row.sharding().get());
      synchronized (results) {
        results.put(row.id(), result);
      }
      nextIndex.put(key, index + 1);
      if (result.isLeft()) {
        blocked.add(key);
      }
    }
    CompletableFuture.allOf(async.toArray(CompletableFuture[]::new)).join();
    return mark(connection, rows, results, now);
  }

  private List<StagedMessage> lockDue(Connection connection, Instant now) throws SQLException {
    String sql = "SELECT " + StagedMessage.COLUMNS + " FROM " + table
        + " WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? ORDER BY id"
        + " FETCH FIRST " + settings.batchSize() + " ROWS ONLY" + dialect.lockClause();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, Outbox.utc(now));
      List<StagedMessage> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(StagedMessage.read(rs));
        }
      }
      return rows;
    }
  }

  /** Per sharding key among {@code rows}, the ids of its unsent rows up to the last of them, in order. */
  private Map<String, List<Long>> unsentIdsOfKeys(Connection connection, List<StagedMessage> rows)
      throws SQLException {
    Set<String> keys = new HashSet<>();
    rows.forEach(r -> r.shardingKey().forEach(keys::add));
    Map<String, List<Long>> unsent = new HashMap<>();
    if (keys.isEmpty()) {
      return unsent;
    }
    String sql = "SELECT sharding_key, id FROM " + table + " WHERE sent_at IS NULL AND failed_at IS NULL AND id <= ?"
        + " AND sharding_key IN (" + String.join(", ", keys.stream().map(k -> "?").toList()) + ") ORDER BY id";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, rows.get(rows.size() - 1).id());
      int i = 2;
      for (String key : keys) {
        statement.setString(i++, key);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          unsent.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
        }
      }
    }
    return unsent;
  }

  private Outcome mark(Connection connection, List<StagedMessage> rows,
      Map<Long, Either<PublishFailure, SendReceipt>> results, Instant now) throws SQLException {
    int sent = 0;
    int retried = 0;
    int failed = 0;
    String markSent = settings.sentRetention().isZero() ? "DELETE FROM " + table + " WHERE id = ?"
        : "UPDATE " + table + " SET sent_at = ? WHERE id = ?";
    try (PreparedStatement sentStatement = connection.prepareStatement(markSent);
        PreparedStatement retry = connection.prepareStatement("UPDATE " + table
            + " SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?");
        PreparedStatement fail = connection.prepareStatement("UPDATE " + table
            + " SET attempts = attempts + 1, failed_at = ?, last_error = ? WHERE id = ?")) {
      for (StagedMessage row : rows) {
        var result = results.get(row.id());
        if (result == null) {
          continue; // held back behind an earlier row of its key
        }
        if (result.isRight()) {
          sent++;
          int i = 1;
          if (!settings.sentRetention().isZero()) {
            sentStatement.setObject(i++, Outbox.utc(now));
          }
          sentStatement.setLong(i, row.id());
          sentStatement.addBatch();
        } else if (isPermanent(result.getLeft())) {
          failed++;
          addFailure(fail, Outbox.utc(now), result.getLeft(), row.id());
        } else {
          retried++;
          addFailure(retry, Outbox.utc(now.plus(settings.backoffAfter(row.attempts() + 1))), result.getLeft(),
              row.id());
        }
      }
      sentStatement.executeBatch();
      retry.executeBatch();
      fail.executeBatch();
    }
    connection.commit();
    return new Outcome(rows.size(), sent, retried, failed);
  }

  private static void addFailure(PreparedStatement statement, Object when, PublishFailure failure, long id)
      throws SQLException {
    String description = failure.description();
    statement.setObject(1, when);
    statement.setString(2, description.length() > 1024 ? description.substring(0, 1024) : description);
    statement.setLong(3, id);
    statement.addBatch();
  }

  /** Failures no retry can fix: the message itself is refused. */
  private static boolean isPermanent(PublishFailure failure) {
    return failure instanceof PublishFailure.InvalidMessage || failure instanceof PublishFailure.MessageTooLarge
        || failure instanceof PublishFailure.Refused;
  }
}
