package dev.rocketport.outbox;

import dev.rocketport.postgres.PostgresServer;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The databases this module's tests run on: one real PostgreSQL server per test JVM (started on first use), and H2 in memory. */
final class Databases {
  private static PostgresServer postgres;

  private Databases() {}

  /** The shared PostgreSQL server; stopped when the JVM exits. */
  static synchronized PostgresServer postgres() {
    if (postgres == null) {
      postgres = PostgresServer.start();
    }
    return postgres;
  }

  /** A fresh, private H2 database in memory, kept while the JVM lives. */
  static DataSource h2() {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    return source;
  }

  /** A table name no other test uses. */
  static TableName freshTable(String base) {
    return TableName.of(base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
  }
}
