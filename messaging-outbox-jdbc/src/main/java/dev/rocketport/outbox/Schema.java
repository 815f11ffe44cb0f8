package dev.rocketport.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates the outbox's and the idempotency store's tables from the SQL scripts shipped in this jar
 * ({@code /dev/rocketport/outbox/outbox-<dialect>.sql}, {@code processed-<dialect>.sql}), which an
 * application may also run with its own migration tool after replacing {@code ${table}}. Every
 * statement is {@code IF NOT EXISTS}: running it again changes nothing. Stateless.
 */
public final class Schema {
  private Schema() {}

  /** Creates the outbox table {@code table} and its indexes if missing. */
  public static void createOutbox(DataSource dataSource, TableName table) throws SQLException {
    run(dataSource, "outbox", table);
  }

  /** Creates the idempotency table {@code table} and its index if missing. */
  public static void createProcessed(DataSource dataSource, TableName table) throws SQLException {
    run(dataSource, "processed", table);
  }

  /** The script {@code base} for {@code dialect}, with the table name filled in. */
  public static String script(SqlDialect dialect, String base, TableName table) {
    try (InputStream in = Schema.class.getResourceAsStream(dialect.script(base))) {
      if (in == null) {
        throw new IllegalStateException("missing schema script " + dialect.script(base));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${table}", table.name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(DataSource dataSource, String base, TableName table) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : script(SqlDialect.of(connection), base, table).split(";")) {
        String withoutComments = sql.lines().filter(l -> !l.strip().startsWith("--"))
            .reduce("", (a, b) -> a + "\n" + b).strip();
        if (!withoutComments.isEmpty()) {
          statement.execute(withoutComments);
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
  }
}
