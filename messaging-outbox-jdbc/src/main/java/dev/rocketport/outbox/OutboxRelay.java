package dev.rocketport.outbox;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Messaging;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publishing side of a transactional outbox: one daemon thread that runs {@link RelayPass}es
 * over the outbox table — publishing staged messages through the runtime's {@code Publisher} (and
 * its {@code OrderedPublisher} for messages staged with a sharding key), marking them sent, backing
 * off failed ones, parking for good those the broker can never take ({@code InvalidMessage},
 * {@code MessageTooLarge}, {@code Refused}), and deleting sent rows older than the retention.
 *
 * <p><b>Delivery.</b> At least once: a relay that dies between publishing and committing its marks
 * publishes those rows again. Several relays may share one table: on PostgreSQL each locks its rows
 * with {@code FOR UPDATE SKIP LOCKED}, so under normal operation no row is published twice and the
 * relays share the work; on H2, which waits for locked rows instead of skipping them, relays take
 * turns. Per sharding key, staging order is kept in every case.
 *
 * <p>Thread-safe. {@link #close()} stops polling and waits for the pass in progress (up to 30 s); it
 * does not close the runtime or the data source.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

  private final DataSource dataSource;
  private final TableName table;
  private final RelaySettings settings;
  private final RelayPass pass;
  private final Thread thread;
  private final Object wake = new Object();
  private final AtomicLong published = new AtomicLong();
  private volatile boolean running = true;
  private Instant nextCleanup = Instant.MIN;

  private OutboxRelay(DataSource dataSource, TableName table, SqlDialect dialect, Messaging messaging,
      RelaySettings settings) {
    this.dataSource = dataSource;
    this.table = table;
    this.settings = settings;
    this.pass = new RelayPass(table, dialect, messaging.publisher(), messaging.orderedPublisher(), settings,
        Instant::now);
    this.thread = new Thread(this::loop, "rocketport-outbox-relay-" + table);
    thread.setDaemon(true);
  }

  /** Starts relaying {@code table} (which must exist, see {@link Schema}) through {@code messaging}'s publishers. */
  public static OutboxRelay start(DataSource dataSource, TableName table, Messaging messaging,
      RelaySettings settings) throws SQLException {
    InvalidArgumentException.requireNonNull(dataSource, "dataSource");
    InvalidArgumentException.requireNonNull(table, "table");
    InvalidArgumentException.requireNonNull(messaging, "messaging");
    InvalidArgumentException.requireNonNull(settings, "settings");
    SqlDialect dialect;
    try (Connection connection = dataSource.getConnection()) {
      dialect = SqlDialect.of(connection);
    }
    OutboxRelay relay = new OutboxRelay(dataSource, table, dialect, messaging, settings);
    relay.thread.start();
    return relay;
  }

  private void loop() {
    int failures = 0;
    while (running) {
      try {
        RelayPass.Outcome outcome = onePass();
        published.addAndGet(outcome.sent());
        failures = 0;
        if (outcome.locked() < settings.batchSize()) {
          pause(settings.pollInterval());
        }
      } catch (SQLException | RuntimeException e) {
        failures++;
        Duration wait = settings.backoffAfter(failures);
        LOG.warn("outbox relay on {}: a pass failed ({} in a row); trying again in {}", table, failures, wait, e);
        pause(wait);
      }
    }
  }

  private RelayPass.Outcome onePass() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        RelayPass.Outcome outcome = pass.run(connection);
        cleanUpIfDue(connection);
        return outcome;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  private void cleanUpIfDue(Connection connection) throws SQLException {
    Instant now = Instant.now();
    if (settings.sentRetention().isZero() || now.isBefore(nextCleanup)) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE sent_at < ?")) {
      delete.setObject(1, Outbox.utc(now.minus(settings.sentRetention())));
      delete.executeUpdate();
    }
    connection.commit();
    nextCleanup = now.plus(CLEANUP_INTERVAL);
  }

  private void pause(Duration duration) {
    synchronized (wake) {
      if (running) {
        try {
          wake.wait(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }

  /** Messages this relay published since it started. */
  public long published() {
    return published.get();
  }

  /** Rows staged and not yet sent nor failed for good. */
  public long backlog() throws SQLException {
    return count("sent_at IS NULL AND failed_at IS NULL");
  }

  /** Rows parked for good: the broker refused the message itself (see {@code last_error}). */
  public long failed() throws SQLException {
    return count("failed_at IS NOT NULL");
  }

  private long count(String condition) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE "
            + condition);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    running = false;
    synchronized (wake) {
      wake.notifyAll();
    }
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("outbox relay on {} still busy after 30 s; leaving its pass to finish", table);
    }
  }
}
