package dev.rocketport.outbox;

import javax.sql.DataSource;

/** The outbox on H2: relays lock with FOR UPDATE and take turns. */
class OutboxOnH2Test extends OutboxContract {
  @Override
  DataSource database() {
    return Databases.h2();
  }
}
