package dev.rocketport.bench;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.outbox.Outbox;
import dev.rocketport.outbox.OutboxRelay;
import dev.rocketport.outbox.RelaySettings;
import dev.rocketport.outbox.Schema;
import dev.rocketport.outbox.TableName;
import dev.rocketport.postgres.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The bench's outbox scenario: messages staged in committed transactions of 100 (half one per
 * {@code stage} call, half with one {@code stageAll} per transaction), then relayed by one
 * or two relays (batches of 500) to a subscription; reports staged per second and staged → delivered
 * per second, on H2 (in memory) and on a real PostgreSQL server the bench starts (durable commits),
 * for each Rocketport runtime of the run. Used by the bench's main thread only.
 */
final class OutboxBench {
  private static final int PER_TRANSACTION = 100;
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  /** One measurement. */
  record Row(String database, String way, int relays, int messages, double stagedPerSecond,
      double stagedAllPerSecond, double relayedPerSecond) {}

  private OutboxBench() {}

  static List<Row> run(BenchOptions options, Map<String, Messaging> runtimes, PrintStream out) throws Exception {
    int messages = options.quick() ? 5_000 : 20_000;
    List<Row> rows = new ArrayList<>();
    try (PostgresServer postgres = PostgresServer.start()) {
      Map<String, DataSource> databases = new LinkedHashMap<>();
      databases.put("h2", h2());
      databases.put("postgresql", postgres.dataSource());
      for (var database : databases.entrySet()) {
        for (var runtime : runtimes.entrySet()) {
          for (int relays = 1; relays <= 2; relays++) {
            Row row = measure(database.getKey(), database.getValue(), runtime.getKey(), runtime.getValue(), relays,
                messages, options.payload());
            out.printf("outbox %-10s %-10s %d relay(s): staged %,.0f/s (stageAll %,.0f/s), relayed %,.0f/s%n",
                row.database(), row.way(), relays, row.stagedPerSecond(), row.stagedAllPerSecond(),
                row.relayedPerSecond());
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  private static DataSource h2() {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:outbox-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    return source;
  }

  private static Row measure(String databaseName, DataSource database, String way, Messaging messaging, int relays,
      int messages, int payload) throws SQLException {
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    TableName table = TableName.of("outbox_bench_" + run);
    Schema.createOutbox(database, table);
    Topic topic = messaging.admin().createTopic(Topic.of("outbox-bench-" + run), 4)
        .getOrElseThrow(f -> new IllegalStateException(f.description()));
    AtomicInteger delivered = new AtomicInteger();
    try (var subscription = messaging.subscriber().subscribe(SubscriptionSpec.builder(topic,
        ConsumerGroup.of("outbox-bench-" + run)).concurrency(16).build(), m -> {
          delivered.incrementAndGet();
          return HandlerResult.success();
        })) {
      Outbox outbox = Outbox.on(table);
      Message message = Message.builder(topic).body(new byte[payload]).build();
      // half staged one message per call, half with stageAll: both in transactions of PER_TRANSACTION
      int half = messages / 2;
      List<Message> transaction = java.util.Collections.nCopies(PER_TRANSACTION, message);
      long stageStart = System.nanoTime();
      stageInTransactions(database, half, connection -> {
        for (Message m : transaction) {
          outbox.stage(connection, m);
        }
      });
      double stagedPerSecond = perSecond(half, System.nanoTime() - stageStart);
      long stageAllStart = System.nanoTime();
      stageInTransactions(database, messages - half, connection -> outbox.stageAll(connection, transaction));
      double stagedAllPerSecond = perSecond(messages - half, System.nanoTime() - stageAllStart);
      RelaySettings settings = RelaySettings.defaults().withBatchSize(500).withPollInterval(Duration.ofMillis(10))
          .withSentRetention(Duration.ZERO);
      List<OutboxRelay> running = new ArrayList<>();
      long relayStart = System.nanoTime();
      try {
        for (int r = 0; r < relays; r++) {
          running.add(OutboxRelay.start(database, table, messaging, settings));
        }
        long deadline = relayStart + PATIENCE.toNanos();
        while (delivered.get() < messages && System.nanoTime() < deadline) {
          LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
        if (delivered.get() < messages) {
          throw new IllegalStateException("only " + delivered.get() + " of " + messages + " delivered in " + PATIENCE);
        }
        return new Row(databaseName, way, relays, messages, stagedPerSecond, stagedAllPerSecond,
            perSecond(messages, System.nanoTime() - relayStart));
      } finally {
        running.forEach(OutboxRelay::close);
      }
    }
  }

  private interface Staging {
    void stage(Connection connection) throws SQLException;
  }

  /** Runs {@code staging} in committed transactions until {@code count} messages are staged. */
  private static void stageInTransactions(DataSource database, int count, Staging staging) throws SQLException {
    for (int staged = 0; staged < count; staged += PER_TRANSACTION) {
      try (Connection connection = database.getConnection()) {
        connection.setAutoCommit(false);
        staging.stage(connection);
        connection.commit();
      }
    }
  }

  private static double perSecond(int count, long nanos) {
    return count / (nanos / 1e9);
  }

  /** The rows as a markdown table, also written to {@code outbox.md} in {@code dir}. */
  static String markdown(List<Row> rows, Path dir) throws IOException {
    StringBuilder md = new StringBuilder("| database | way | relays | messages | staged/s (stage) | staged/s (stageAll) "
        + "| staged → delivered/s |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      md.append(String.format("| %s | %s | %d | %,d | %,.0f | %,.0f | %,.0f |%n", row.database(), row.way(),
          row.relays(), row.messages(), row.stagedPerSecond(), row.stagedAllPerSecond(), row.relayedPerSecond()));
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("outbox.md"), md);
    return md.toString();
  }
}
