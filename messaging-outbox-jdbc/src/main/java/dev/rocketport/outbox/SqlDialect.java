package dev.rocketport.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases the outbox and the JDBC idempotency store run on, and what differs between them:
 * the schema script, and whether rows can be locked skipping those other relays hold
 * ({@code FOR UPDATE SKIP LOCKED}). Detected from the connection's metadata.
 */
public enum SqlDialect {
  POSTGRESQL("postgresql", " FOR UPDATE SKIP LOCKED"),
  H2("h2", " FOR UPDATE");

  private final String scriptSuffix;
  private final String lockClause;

  SqlDialect(String scriptSuffix, String lockClause) {
    this.scriptSuffix = scriptSuffix;
    this.lockClause = lockClause;
  }

  /** The dialect of the database behind {@code connection}; {@link IllegalStateException} for another database. */
  public static SqlDialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (product.equals("h2")) {
      return H2;
    }
    throw new IllegalStateException("unsupported database '" + product + "': the outbox runs on PostgreSQL and H2");
  }

  /** The resource of the schema script named {@code base} ({@code outbox}, {@code processed}) for this dialect. */
  String script(String base) {
    return "/dev/rocketport/outbox/" + base + "-" + scriptSuffix + ".sql";
  }

  /** The clause that locks the rows a relay selects. */
  String lockClause() {
    return lockClause;
  }
}
