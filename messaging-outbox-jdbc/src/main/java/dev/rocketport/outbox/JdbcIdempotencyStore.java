package dev.rocketport.outbox;

import dev.rocketport.idempotency.IdempotencyStore;
import dev.rocketport.messaging.InvalidArgumentException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An {@link IdempotencyStore} in a database table (see {@link Schema#createProcessed}), shared by every
 * process that uses the table: one row per key, a claim until its lease ends, a completed key until
 * the retention ends (expired rows are taken over, and deleted by {@link #purgeExpired()}). Each
 * call is its own short transaction; times are this JVM's clock.
 *
 * <p>For an effect that is itself a write to the same database, {@link #recordIn} records the key in
 * the application's own transaction instead: the key and the effect commit together or not at all,
 * which makes the effect exactly-once without claims. Thread-safe.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {
  /** The SQL state of a unique-key violation, the same on PostgreSQL and H2. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final TableName table;
  private final Duration retention;

  private JdbcIdempotencyStore(DataSource dataSource, TableName table, Duration retention) {
    this.dataSource = dataSource;
    this.table = table;
    this.retention = retention;
  }

  /** A store on {@code table} keeping completed keys for {@code retention}. */
  public static JdbcIdempotencyStore on(DataSource dataSource, TableName table, Duration retention) {
    InvalidArgumentException.requireNonNull(dataSource, "dataSource");
    InvalidArgumentException.requireNonNull(table, "table");
    InvalidArgumentException.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new InvalidArgumentException("retention", "must be positive, was " + retention);
    }
    return new JdbcIdempotencyStore(dataSource, table, retention);
  }

  @Override
  public Claim claim(String key, Duration lease) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      Instant now = Instant.now();
      if (insert(connection, key, false, now.plus(lease)) || takeOverExpired(connection, key, false, now.plus(lease),
          now)) {
        return Claim.ACQUIRED;
      }
      try (PreparedStatement select = connection.prepareStatement("SELECT done FROM " + table
          + " WHERE idempotency_key = ?")) {
        select.setString(1, key);
        try (ResultSet rs = select.executeQuery()) {
          // a row deleted meanwhile (released) is free again: report busy, the delivery is retried
          return rs.next() && rs.getBoolean(1) ? Claim.DONE : Claim.BUSY;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("idempotency store " + table + ": cannot claim '" + key + "': " + e.getMessage());
    }
  }

  @Override
  public void complete(String key) {
    update("UPDATE " + table + " SET done = TRUE, expires_at = ? WHERE idempotency_key = ?", key,
        Instant.now().plus(retention));
  }

  @Override
  public void release(String key) {
    update("DELETE FROM " + table + " WHERE idempotency_key = ? AND done = FALSE", key, null);
  }

  /**
   * Records {@code key} as done in the application's transaction on {@code connection}; returns
   * false if it was done already (then the application skips its effect). Concurrent transactions
   * recording one key wait for each other at the unique key, and only one records it. Does not commit.
   */
  public boolean recordIn(Connection connection, String key) throws SQLException {
    InvalidArgumentException.requireNonNull(connection, "connection");
    InvalidArgumentException.requireNonNull(key, "key");
    Instant now = Instant.now();
    return insert(connection, key, true, now.plus(retention))
        || takeOverExpired(connection, key, true, now.plus(retention), now);
  }

  /** Deletes rows whose lease or retention ended; returns how many. */
  public int purgeExpired() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE expires_at < ?")) {
      connection.setAutoCommit(true);
      delete.setObject(1, Outbox.utc(Instant.now()));
      return delete.executeUpdate();
    }
  }

  /** Inserts the key's row; false if the key exists (the statement's failure undone by a savepoint). */
  private boolean insert(Connection connection, String key, boolean done, Instant expires) throws SQLException {
    Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
        + " (idempotency_key, done, expires_at) VALUES (?, ?, ?)")) {
      insert.setString(1, key);
      insert.setBoolean(2, done);
      insert.setObject(3, Outbox.utc(expires));
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      if (savepoint != null) {
        connection.rollback(savepoint); // PostgreSQL aborts a transaction after a failed statement
      }
      return false;
    }
  }

  /** Takes over the key's row if its lease or retention ended before {@code now}. */
  private boolean takeOverExpired(Connection connection, String key, boolean done, Instant expires, Instant now)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
        + " SET done = ?, expires_at = ? WHERE idempotency_key = ? AND expires_at < ?")) {
      update.setBoolean(1, done);
      update.setObject(2, Outbox.utc(expires));
      update.setString(3, key);
      update.setObject(4, Outbox.utc(now));
      return update.executeUpdate() == 1;
    }
  }

  private void update(String sql, String key, @Nullable Instant expires) {
    try (Connection connection = dataSource.getConnection(); PreparedStatement statement =
        connection.prepareStatement(sql)) {
      connection.setAutoCommit(true);
      int i = 1;
      if (expires != null) {
        statement.setObject(i++, Outbox.utc(expires));
      }
      statement.setString(i, key);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("idempotency store " + table + ": cannot update '" + key + "': " + e.getMessage());
    }
  }
}
