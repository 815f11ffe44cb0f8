package dev.rocketport.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key recorded in the handler's own transaction: the effect (a balance update) and the key
 * commit together, so duplicates — one after another or at the same moment — change nothing.
 */
class RecordInTransactionTest {

  private static DataSource database(String name) {
    return name.equals("postgresql") ? Databases.postgres().dataSource() : Databases.h2();
  }

  /** The handler's work, as an application writes it: record the key, then the effect, one commit. */
  private static boolean credit(DataSource database, JdbcIdempotencyStore store, String accounts, String key)
      throws SQLException {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      boolean first = store.recordIn(connection, key);
      if (first) {
        try (PreparedStatement credit = connection.prepareStatement("UPDATE " + accounts
            + " SET balance = balance + 10 WHERE id = 1")) {
          credit.executeUpdate();
        }
      }
      connection.commit();
      return first;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2"})
  void duplicatesChangeNothing(String name) throws Exception {
    DataSource database = database(name);
    TableName processed = Databases.freshTable("processed");
    Schema.createProcessed(database, processed);
    String accounts = Databases.freshTable("accounts").name();
    try (Connection connection = database.getConnection()) {
      connection.createStatement().execute("CREATE TABLE " + accounts + " (id INT PRIMARY KEY, balance INT NOT NULL)");
      connection.createStatement().execute("INSERT INTO " + accounts + " VALUES (1, 0)");
    }
    JdbcIdempotencyStore store = JdbcIdempotencyStore.on(database, processed, Duration.ofHours(1));
    assertTrue(credit(database, store, accounts, "payment-1"));
    assertFalse(credit(database, store, accounts, "payment-1"), "a redelivery finds the key");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier together = new CyclicBarrier(2);
      Future<Boolean> a = pool.submit(() -> {
        together.await();
        return credit(database, store, accounts, "payment-2");
      });
      Future<Boolean> b = pool.submit(() -> {
        together.await();
        return credit(database, store, accounts, "payment-2");
      });
      assertEquals(1, (a.get() ? 1 : 0) + (b.get() ? 1 : 0), "one of two concurrent deliveries records the key");
    } finally {
      pool.shutdown();
    }
    try (Connection connection = database.getConnection();
        ResultSet rs = connection.createStatement().executeQuery("SELECT balance FROM " + accounts)) {
      rs.next();
      assertEquals(20, rs.getInt(1), "two payments, each credited once");
    }
  }
}
