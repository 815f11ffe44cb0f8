package dev.rocketport.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.postgres.PostgresServer;
import dev.rocketport.rocketmq.RocketMqFixture;
import dev.rocketport.testing.Waiting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A relay process killed with SIGKILL between publishing a pass's messages and committing their
 * marks, on PostgreSQL and a real broker: a second relay finishes the table; every staged message is
 * delivered (0 lost), and the duplicates — the rows the dead relay published but had not marked —
 * are counted: at least the half batch it had published, at most one batch.
 */
class RelayKillTest {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();
  private static final int STAGED = 10_000;
  private static final int BATCH = 50;
  private static final Duration BUDGET = Duration.ofMinutes(2);
  /** Mid-way through the 21st pass: 20 passes committed, the 21st published in part and not marked. */
  private static final int FREEZE_AFTER = 20 * BATCH + BATCH / 2;

  private static boolean logSays(Path log, String line) {
    try {
      return Files.readString(log).contains(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aKilledRelayLosesNothingAndDuplicatesAtMostOneBatch() throws Exception {
    PostgresServer postgres = Databases.postgres();
    TableName table = Databases.freshTable("outbox");
    Schema.createOutbox(postgres.dataSource(), table);
    RocketMqFixture fixture = new RocketMqFixture(ROCKETMQ.broker());
    try (Messaging messaging = fixture.newMessaging()) {
      Topic topic = messaging.admin().createTopic(Topic.of(table.name()), 4).get();
      Outbox outbox = Outbox.on(table);
      for (int tx = 0; tx < STAGED / 100; tx++) {
        try (Connection connection = postgres.dataSource().getConnection()) {
          connection.setAutoCommit(false);
          for (int i = 0; i < 100; i++) {
            outbox.stage(connection, Message.of(topic, "m-" + (tx * 100 + i)));
          }
          connection.commit();
        }
      }
      Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of(table.name() + "-reader"))
          .concurrency(8).build(), m -> {
            deliveries.computeIfAbsent(m.bodyAsString(), b -> new AtomicInteger()).incrementAndGet();
            return HandlerResult.success();
          });

      Path log = Files.createTempFile("relay-process", ".log");
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), RelayProcess.class.getName(), postgres.jdbcUrl(), postgres.user(),
          table.name(), ROCKETMQ.broker().nameServerAddress(), String.valueOf(BATCH), String.valueOf(FREEZE_AFTER))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      assertTrue(Waiting.wallClock().awaitUntil(() -> logSays(log, RelayProcess.FROZEN), BUDGET),
          "the relay process froze between publishing and marking: " + Files.readString(log));
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      int deliveredAtKill = deliveries.size();

      try (OutboxRelay survivor = OutboxRelay.start(postgres.dataSource(), table, messaging,
          RelaySettings.defaults().withBatchSize(BATCH).withPollInterval(Duration.ofMillis(20)))) {
        long backlogAfterKill = survivor.backlog();
        assertTrue(Waiting.wallClock().awaitUntil(() -> deliveries.size() == STAGED, BUDGET),
            "delivered " + deliveries.size() + " of " + STAGED);
        assertTrue(Waiting.wallClock().holdsFor(() -> deliveries.size() == STAGED, Duration.ofSeconds(1)));
        int total = deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
        int duplicates = total - STAGED;
        System.out.printf("relay kill -9: staged %d, delivered when killed %d (backlog then %d), delivered in the end"
            + " %d distinct, lost %d, duplicates %d (batch %d)%n", STAGED, deliveredAtKill, backlogAfterKill,
            deliveries.size(), STAGED - deliveries.size(), duplicates, BATCH);
        assertTrue(backlogAfterKill > 0, "killed mid-way, with rows left to relay");
        assertEquals(0, survivor.backlog());
        assertTrue(duplicates >= BATCH / 2 && duplicates <= BATCH,
            duplicates + " duplicates: the frozen pass's published rows, at most one batch");
      }
    }
  }
}
