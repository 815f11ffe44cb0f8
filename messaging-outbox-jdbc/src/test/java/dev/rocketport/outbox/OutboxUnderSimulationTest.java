package dev.rocketport.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.idempotency.IdempotentHandling;
import dev.rocketport.idempotency.InMemoryIdempotencyStore;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.testkit.Simulation;
import dev.rocketport.testkit.SimulationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * The outbox's contract under simulation, on H2: sends lost, stored but unanswered, refused by an
 * outage; redeliveries after crashes and rebalances; and a relay that itself dies after publishing
 * and before committing its marks (a fifth of its passes, chosen by the seed). Every committed row
 * still arrives, a rolled-back one never; a key's rows arrive in staging order; and a consumer that is
 * idempotent by business key takes each effect once.
 */
class OutboxUnderSimulationTest {
  private static final DataSource DATABASE = Databases.h2();
  private static final RelaySettings SETTINGS = RelaySettings.defaults();
  private static final List<String> COMMITTED = IntStream.range(0, 20).mapToObj(i -> "o-" + i).toList();

  @SimulationTest(seeds = 200)
  void everyCommittedRowArrivesInKeyOrderAndTakesEffectOnce(Simulation simulation) throws Exception {
    Messaging messaging = simulation.messaging();
    Topic topic = messaging.admin().createTopic(Topic.of("orders"), 4).get();
    Map<String, Integer> effects = new HashMap<>();
    Map<String, List<Integer>> audit = new HashMap<>();
    subscribe(messaging, topic, effects, audit);
    TableName table = Databases.freshTable("outbox");
    Schema.createOutbox(DATABASE, table);
    stage(Outbox.on(table), topic);

    Instant wallStart = Instant.now();
    Instant virtualStart = simulation.now();
    Supplier<Instant> clock = () -> wallStart.plus(Duration.between(virtualStart, simulation.now()));
    RelayPass pass;
    try (Connection connection = DATABASE.getConnection()) {
      pass = new RelayPass(table, SqlDialect.of(connection), messaging.publisher(), messaging.orderedPublisher(),
          SETTINGS, clock);
    }
    SplittableRandom relayDies = new SplittableRandom(simulation.seed());
    for (int passes = 0; backlog(table) > 0; passes++) {
      assertTrue(passes < 2_000, "the outbox drains; backlog " + backlog(table));
      try (Connection connection = DATABASE.getConnection()) {
        connection.setAutoCommit(false);
        pass.run(connection);
        if (relayDies.nextDouble() < 0.2) {
          connection.rollback(); // published, but the marks are lost: the next pass publishes again
        } else {
          connection.commit();
        }
      }
      simulation.advance(SETTINGS.pollInterval());
    }
    simulation.runUntilQuiet();

    assertEquals(COMMITTED.stream().collect(Collectors.toMap(o -> o, o -> 1)), effects,
        "each committed order took effect once, the rolled-back ones never");
    audit.forEach((key, seen) -> {
      List<Integer> firsts = new ArrayList<>(new java.util.LinkedHashSet<>(seen));
      assertEquals(firsts.stream().sorted().toList(), firsts, "key " + key + " in staging order: " + seen);
    });
  }

  /** An idempotent billing consumer, and an orderly audit that records each key's sequence. */
  private static void subscribe(Messaging messaging, Topic topic, Map<String, Integer> effects,
      Map<String, List<Integer>> audit) {
    IdempotentHandling once = IdempotentHandling.byKey(InMemoryIdempotencyStore.of(1_000, Duration.ofDays(1)),
        m -> m.header("orderId").getOrNull());
    messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("billing")).middleware(once)
        .build(), m -> {
          effects.merge(m.header("orderId").get(), 1, Integer::sum);
          return HandlerResult.success();
        });
    messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("audit"))
        .ordering(Ordering.ORDERLY).build(), m -> {
          m.header("customer").forEach(c -> audit.computeIfAbsent(c, k -> new ArrayList<>())
              .add(Integer.parseInt(m.header("n").get())));
          return HandlerResult.success();
        });
  }

  /** 20 orders committed (ten of one customer, in order; ten without a key), three rolled back. */
  private static void stage(Outbox outbox, Topic topic) throws SQLException {
    try (Connection connection = DATABASE.getConnection()) {
      connection.setAutoCommit(false);
      for (int i = 0; i < 20; i++) {
        Message.Builder order = Message.builder(topic).body("order " + i).header("orderId", "o-" + i)
            .header("n", String.valueOf(i));
        if (i < 10) {
          outbox.stage(connection, order.header("customer", "c-1").build(), ShardingKey.of("c-1"));
        } else {
          outbox.stage(connection, order.build());
        }
      }
      connection.commit();
      for (int i = 0; i < 3; i++) {
        outbox.stage(connection, Message.builder(topic).body("never").header("orderId", "rolled-back-" + i).build());
      }
      connection.rollback();
    }
  }

  private static long backlog(TableName table) throws SQLException {
    try (Connection connection = DATABASE.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table
            + " WHERE sent_at IS NULL AND failed_at IS NULL");
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
