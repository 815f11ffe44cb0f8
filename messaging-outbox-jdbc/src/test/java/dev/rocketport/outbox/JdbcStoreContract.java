package dev.rocketport.outbox;

import dev.rocketport.idempotency.IdempotencyContract;
import dev.rocketport.idempotency.IdempotencyStore;
import dev.rocketport.inmemory.InMemoryFixture;
import dev.rocketport.messaging.tck.AdapterFixture;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/** The idempotent consumer's contract with the JDBC store, on the database a subclass names. */
abstract class JdbcStoreContract extends IdempotencyContract {
  abstract DataSource database();

  @Override
  protected AdapterFixture newFixture() {
    return new InMemoryFixture();
  }

  @Override
  protected IdempotencyStore newStore() {
    TableName table = Databases.freshTable("processed");
    DataSource database = database();
    try {
      Schema.createProcessed(database, table);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return JdbcIdempotencyStore.on(database, table, Duration.ofHours(1));
  }
}
