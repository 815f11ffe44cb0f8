package dev.rocketport.outbox;

import javax.sql.DataSource;

/** The outbox on a real PostgreSQL server: relays lock with FOR UPDATE SKIP LOCKED. */
class OutboxOnPostgresTest extends OutboxContract {
  @Override
  DataSource database() {
    return Databases.postgres().dataSource();
  }
}
