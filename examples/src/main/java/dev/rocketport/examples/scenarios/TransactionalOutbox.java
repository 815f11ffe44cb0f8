package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.outbox.Outbox;
import dev.rocketport.outbox.OutboxRelay;
import dev.rocketport.outbox.RelaySettings;
import dev.rocketport.outbox.Schema;
import dev.rocketport.outbox.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Transactional outbox on H2: an order and its event are written in one database transaction. A
 * rolled-back order publishes nothing; committed ones are published once each by the relay — also
 * when the relay is stopped half-way and a new one takes over.
 */
public final class TransactionalOutbox implements Scenario {
  private static final int ORDERS = 100;

  @Override
  public String name() {
    return "outbox";
  }

  @Override
  public String description() {
    return "order and event in one H2 transaction: rollback publishes nothing, commit publishes once, "
        + "across a relay restart";
  }

  @Override
  public Outcome run(ScenarioContext ctx) throws SQLException {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    TableName table = TableName.of("outbox");
    Schema.createOutbox(database, table);
    try (Connection c = database.getConnection()) {
      c.createStatement().execute("CREATE TABLE orders (id VARCHAR(32) PRIMARY KEY)");
    }
    Outbox outbox = Outbox.on(table);
    Topic topic = ctx.topic("OrderEvents", 2);
    Map<String, AtomicInteger> published = new ConcurrentHashMap<>();
    var spec = SubscriptionSpec.builder(topic, ctx.group("shipping")).build();
    try (var subscription = ctx.messaging().subscriber().subscribe(spec, m -> {
      published.computeIfAbsent(m.bodyAsString(), b -> new AtomicInteger()).incrementAndGet();
      return HandlerResult.success();
    })) {
      placeOrder(database, outbox, topic, "o-rolled-back", false);
      for (int i = 0; i < ORDERS; i++) {
        placeOrder(database, outbox, topic, "o-" + i, true);
      }
      RelaySettings settings = RelaySettings.defaults().withBatchSize(10).withPollInterval(Duration.ofMillis(20));
      OutboxRelay first = OutboxRelay.start(database, table, ctx.messaging(), settings);
      boolean halfWay = ctx.awaitOutside(Duration.ofSeconds(60), () -> published.size() >= ORDERS / 3);
      first.close();
      long handedOver = first.published();
      try (OutboxRelay second = OutboxRelay.start(database, table, ctx.messaging(), settings)) {
        // a message can reach the shipping group before the relay has marked its row as sent
        boolean all = ctx.awaitOutside(Duration.ofSeconds(60), () -> published.size() == ORDERS && drained(second));
        ctx.say("first relay published " + handedOver + ", the second " + second.published() + "; backlog "
            + second.backlog());
        boolean once = published.values().stream().allMatch(n -> n.get() == 1);
        return Outcome.check(halfWay && all && once && !published.containsKey("OrderPlaced o-rolled-back")
                && second.backlog() == 0,
            ORDERS + " committed orders published once each across a relay restart; the rolled-back one never");
      }
    }
  }

  private static boolean drained(OutboxRelay relay) {
    try {
      return relay.backlog() == 0;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the outbox's backlog", e);
    }
  }

  private static void placeOrder(JdbcDataSource database, Outbox outbox, Topic topic, String order, boolean commit)
      throws SQLException {
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders (id) VALUES (?)")) {
        insert.setString(1, order);
        insert.executeUpdate();
      }
      outbox.stage(c, Message.builder(topic).body("OrderPlaced " + order).key(order).build());
      if (commit) {
        c.commit();
      } else {
        c.rollback();
      }
    }
  }
}
