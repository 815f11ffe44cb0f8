package dev.rocketport.outbox;

import javax.sql.DataSource;

/** The idempotent consumer's contract with the JDBC store on H2. */
class JdbcStoreOnH2Test extends JdbcStoreContract {
  @Override
  DataSource database() {
    return Databases.h2();
  }
}
