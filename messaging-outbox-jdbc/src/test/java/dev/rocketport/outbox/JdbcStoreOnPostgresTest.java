package dev.rocketport.outbox;

import javax.sql.DataSource;

/** The idempotent consumer's contract with the JDBC store on a real PostgreSQL server. */
class JdbcStoreOnPostgresTest extends JdbcStoreContract {
  @Override
  DataSource database() {
    return Databases.postgres().dataSource();
  }
}
