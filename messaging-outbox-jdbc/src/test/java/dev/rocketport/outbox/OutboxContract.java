package dev.rocketport.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.testing.Waiting;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox's contract on the database a subclass names, relayed to the in-memory adapter on the wall clock. */
abstract class OutboxContract {
  private static final Duration BUDGET = Duration.ofSeconds(60);
  private static final RelaySettings FAST = RelaySettings.defaults().withPollInterval(Duration.ofMillis(20));

  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final List<AutoCloseable> open = new ArrayList<>();
  private InMemoryMessaging messaging;
  private DataSource database;
  private TableName table;
  private Outbox outbox;

  abstract DataSource database();

  /** SQL work inside a transaction. */
  interface Work {
    void run(Connection connection) throws SQLException;
  }

  @BeforeEach
  void open() throws SQLException {
    messaging = InMemoryMessaging.wallClock();
    database = database();
    table = Databases.freshTable("outbox");
    Schema.createOutbox(database, table);
    outbox = Outbox.on(table);
  }

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    messaging.close();
  }

  private void transaction(boolean commit, Work work) throws SQLException {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      work.run(connection);
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
    }
  }

  private OutboxRelay relay(RelaySettings settings) throws SQLException {
    OutboxRelay relay = OutboxRelay.start(database, table, messaging, settings);
    open.add(relay);
    return relay;
  }

  private Topic topic(String name) {
    return messaging.admin().createTopic(Topic.of(name + "-" + run), 4).get();
  }

  private List<ReceivedMessage> collect(Topic topic, boolean orderly) {
    List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
    var spec = SubscriptionSpec.builder(topic, ConsumerGroup.of("reader-" + run + "-" + topic.name().length()));
    messaging.subscriber().subscribe((orderly ? spec.orderly() : spec).build(), m -> {
      received.add(m);
      return HandlerResult.success();
    });
    return received;
  }

  private void await(String what, BooleanSupplier condition) {
    assertTrue(Waiting.wallClock().awaitUntil(condition, BUDGET), "timed out waiting for " + what);
  }

  private long count(String condition) throws SQLException {
    try (Connection connection = database.getConnection();
        ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table + " WHERE "
            + condition)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void publishedIfAndOnlyIfTheTransactionCommits() throws Exception {
    Topic topic = topic("orders");
    List<ReceivedMessage> received = collect(topic, false);
    transaction(false, c -> outbox.stage(c, Message.builder(topic).body("rolled back").key("o-1").build()));
    transaction(true, c -> outbox.stage(c, Message.builder(topic).body("committed").key("o-2").tag("created")
        .header("source", "outbox").build()));
    OutboxRelay relay = relay(FAST);
    await("the committed message", () -> received.size() == 1);
    Message got = received.get(0).message();
    assertEquals("committed", got.bodyAsString());
    assertEquals("created", got.tag().get().name());
    assertEquals(Map.of("source", "outbox"), got.headers());
    assertEquals("o-2", got.keys().get(0).value());
    assertTrue(Waiting.wallClock().holdsFor(() -> received.size() == 1, Duration.ofMillis(300)), "nothing else");
    assertEquals(0, relay.backlog());
    assertEquals(1, relay.published());
  }

  @Test
  void twoRelaysKeepOrderPerKeyAndPublishEachRowOnce() throws Exception {
    Topic topic = topic("ledger");
    List<ReceivedMessage> received = collect(topic, true);
    for (int step = 0; step < 50; step++) {
      int s = step;
      transaction(true, c -> {
        for (int key = 0; key < 4; key++) {
          outbox.stage(c, Message.of(topic, "k" + key + ":" + s), ShardingKey.of("k" + key));
        }
        outbox.stage(c, Message.of(topic, "free:" + s));
      });
    }
    RelaySettings small = FAST.withBatchSize(16);
    OutboxRelay one = relay(small);
    OutboxRelay two = relay(small);
    await("250 messages", () -> received.size() >= 250);
    assertTrue(Waiting.wallClock().holdsFor(() -> received.size() == 250, Duration.ofMillis(300)), "no duplicate");
    Map<String, List<Integer>> steps = new LinkedHashMap<>();
    for (ReceivedMessage m : received) {
      String[] parts = m.bodyAsString().split(":");
      steps.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
    }
    for (int key = 0; key < 4; key++) {
      assertEquals(java.util.stream.IntStream.range(0, 50).boxed().toList(), steps.get("k" + key), "order of k" + key);
    }
    assertEquals(50, steps.get("free").stream().distinct().count());
    assertEquals(250, one.published() + two.published());
  }

  @Test
  void aFailedPublishIsRetriedWithBackoffUntilItGoesThrough() throws Exception {
    Topic later = Topic.of("created-later-" + run);
    transaction(true, c -> outbox.stage(c, Message.of(later, "patient")));
    OutboxRelay relay = relay(FAST);
    await("a failed attempt", () -> {
      try {
        return count("attempts >= 1 AND last_error LIKE '%" + later.name() + "%'") == 1;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    messaging.admin().createTopic(later, 2).get();
    List<ReceivedMessage> received = collect(later, false);
    await("the message, once its topic exists", () -> received.size() == 1);
    // the relay marks the row sent once the publish returns, which may be after the message arrived
    await("the row marked sent", () -> {
      try {
        return relay.backlog() == 0;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void aMessageTheBrokerCanNeverTakeIsParkedNotRetried() throws Exception {
    Topic topic = topic("huge");
    transaction(true, c -> outbox.stage(c, Message.builder(topic).body(new byte[5 * 1024 * 1024]).build()));
    OutboxRelay relay = relay(FAST);
    await("the row parked", () -> {
      try {
        return relay.failed() == 1;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    assertEquals(0, relay.backlog());
    assertEquals(1, count("last_error LIKE '%the limit is%'"));
  }

  @Test
  void stageAllStagesOneBatchInOrderAndOnlyIfTheTransactionCommits() throws Exception {
    Topic topic = topic("bulk");
    List<ReceivedMessage> received = collect(topic, false);
    List<Message> bulk = java.util.stream.IntStream.range(0, 100).mapToObj(i -> Message.of(topic, "b" + i)).toList();
    List<List<Long>> ids = new ArrayList<>();
    transaction(false, c -> outbox.stageAll(c, List.of(Message.of(topic, "rolled back"))));
    transaction(true, c -> ids.add(outbox.stageAll(c, bulk)));
    transaction(true, c -> assertEquals(List.of(), outbox.stageAll(c, List.of())));
    assertEquals(100, ids.get(0).size());
    assertEquals(ids.get(0).stream().sorted().toList(), ids.get(0), "ids in staging order");
    assertEquals(100, ids.get(0).stream().distinct().count());
    relay(FAST);
    await("the 100 staged together", () -> received.size() == 100);
    assertTrue(Waiting.wallClock().holdsFor(() -> received.size() == 100, Duration.ofMillis(300)), "nothing else");
    assertEquals(bulk.stream().map(Message::bodyAsString).sorted().toList(),
        received.stream().map(ReceivedMessage::bodyAsString).sorted().toList());
  }

  @Test
  void sentRowsAreDeletedWhenRetentionIsZero() throws Exception {
    Topic topic = topic("tidy");
    List<ReceivedMessage> received = collect(topic, false);
    transaction(true, c -> {
      for (int i = 0; i < 20; i++) {
        outbox.stage(c, Message.of(topic, "m" + i));
      }
    });
    relay(FAST.withSentRetention(Duration.ZERO));
    await("20 messages", () -> received.size() == 20);
    await("no rows left", () -> {
      try {
        return count("1 = 1") == 0;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void badInputIsRefusedNamingTheField() throws Exception {
    Topic topic = topic("bad");
    transaction(false, c -> {
      assertEquals("delay", assertThrows(InvalidArgumentException.class, () -> outbox.stage(c,
          Message.builder(topic).body("x").deliverAfter(Duration.ofSeconds(5)).build(), ShardingKey.of("k"))).field());
      assertEquals("message", assertThrows(InvalidArgumentException.class, () -> outbox.stage(c, null)).field());
    });
    assertEquals("connection", assertThrows(InvalidArgumentException.class,
        () -> outbox.stage(null, Message.of(topic, "x"))).field());
    transaction(false, c -> {
      assertEquals("messages", assertThrows(InvalidArgumentException.class, () -> outbox.stageAll(c, null)).field());
      List<Message> withNull = new ArrayList<>(List.of(Message.of(topic, "x")));
      withNull.add(null);
      assertEquals("messages[1]", assertThrows(InvalidArgumentException.class, () -> outbox.stageAll(c, withNull))
          .field());
    });
    assertEquals(0, count("topic = '" + topic.name() + "'"), "nothing staged by a refused call");
    assertEquals("table", assertThrows(InvalidArgumentException.class, () -> TableName.of("outbox; drop table x"))
        .field());
    assertEquals("batchSize", assertThrows(InvalidArgumentException.class,
        () -> RelaySettings.defaults().withBatchSize(0)).field());
    assertEquals("sentRetention", assertThrows(InvalidArgumentException.class,
        () -> RelaySettings.defaults().withSentRetention(Duration.ofSeconds(-1))).field());
  }
}
