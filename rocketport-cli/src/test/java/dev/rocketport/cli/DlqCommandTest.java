package dev.rocketport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code dlq list | show | redrive} against a real broker: filters, dry run, rate, loop guard, audit, a kill. */
@Execution(ExecutionMode.CONCURRENT)
class DlqCommandTest {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static RocketMqMessaging messaging;
  private static String nameServer;

  @TempDir
  Path dir;

  @BeforeAll
  static void connect() {
    nameServer = ROCKETMQ.broker().nameServerAddress();
    messaging = RocketMqMessaging.start(RocketMqConfig.builder(nameServer).build());
  }

  @AfterAll
  static void close() {
    messaging.close();
  }

  private static CliRun dlq(String command, String... args) {
    List<String> line = new ArrayList<>(List.of("dlq", command, "--namesrv", nameServer));
    line.addAll(List.of(args));
    return CliRun.of(line.toArray(String[]::new));
  }

  private static List<JsonNode> listed(String... args) {
    CliRun run = dlq("list", with(args, "--json"));
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    List<JsonNode> letters = new ArrayList<>();
    JSON.readTree(run.out()).forEach(letters::add);
    return letters;
  }

  private static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static Set<String> bodies(List<JsonNode> letters) {
    return letters.stream().map(l -> l.get("body").asString()).collect(Collectors.toSet());
  }

  private List<JsonNode> audit(Path file) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void listFiltersByTopicKeyTagTimeAndReason() {
    var f = new DeadLetterFixture(messaging, "filters",
        m -> m.message().bodyAsString().equals("c") ? HandlerResult.reject("bad-c") : HandlerResult.retry());
    f.parked(f.message("a").key("k-a").tag("red").build(), f.message("b").tag("blue").build(),
        f.message("c").build());
    String group = f.group.name();
    assertEquals(Set.of("a", "b", "c"), bodies(listed("--group", group)));
    assertEquals(Set.of("a"), bodies(listed("--group", group, "--tag", "red")));
    assertEquals(Set.of("a"), bodies(listed("--group", group, "--key", "k-a")));
    assertEquals(Set.of("c"), bodies(listed("--group", group, "--reason", "bad-c")));
    assertEquals(Set.of("a", "b", "c"), bodies(listed("--group", group, "--topic", f.topic.name(), "--since", "1h")));
    assertEquals(Set.of(), bodies(listed("--group", group, "--until", "1h")));
    assertTrue(bodies(listed()).containsAll(Set.of("a", "b", "c")), "without --group every group is read");

    CliRun none = dlq("list", "--group", group, "--tag", "green");
    assertEquals(ExitCodes.OK, none.exitCode(), none::toString);
    assertTrue(none.out().contains("no pending dead letters match"), none::toString);
    CliRun table = dlq("list", "--group", group);
    assertTrue(table.out().contains("3 pending dead letters") && table.out().contains("bad-c"), table::toString);

    String id = listed("--group", group, "--tag", "red").get(0).get("messageId").asString();
    CliRun shown = dlq("show", "--group", group, id);
    assertEquals(ExitCodes.OK, shown.exitCode(), shown::toString);
    assertTrue(shown.out().contains("k-a") && shown.out().contains("1 bytes, utf-8"), shown::toString);
    CliRun missing = dlq("show", "--group", group, "0000");
    assertEquals(ExitCodes.NOT_FOUND, missing.exitCode(), missing::toString);
  }

  @Test
  void badArgumentsNameTheArgumentAndReadNothing() {
    CliRun badTime = dlq("list", "--since", "yesterday");
    assertEquals(ExitCodes.USAGE, badTime.exitCode(), badTime::toString);
    assertTrue(badTime.err().contains("--since") && badTime.err().contains("ISO-8601"), badTime::toString);
    CliRun badRate = dlq("redrive", "--group", "g", "--rate", "0");
    assertEquals(ExitCodes.USAGE, badRate.exitCode(), badRate::toString);
    assertTrue(badRate.err().contains("--rate"), badRate::toString);
    CliRun badWindow = dlq("list", "--since", "1h", "--until", "2h");
    assertEquals(ExitCodes.USAGE, badWindow.exitCode(), badWindow::toString);
    assertTrue(badWindow.err().contains("--since"), badWindow::toString);
    CliRun badGroup = dlq("list", "--group", "%DLQ%x");
    assertEquals(ExitCodes.USAGE, badGroup.exitCode(), badGroup::toString);
    CliRun noNameServer = CliRun.of("dlq", "list");
    assertEquals(ExitCodes.USAGE, noNameServer.exitCode(), noNameServer::toString);
    assertTrue(noNameServer.err().contains("--namesrv"), noNameServer::toString);
  }

  @Test
  void anUnreachableClusterIsReportedAndNothingMoves() {
    CliRun run = CliRun.of("dlq", "redrive", "--namesrv", "127.0.0.1:1", "--group", "g");
    assertEquals(ExitCodes.CLUSTER, run.exitCode(), run::toString);
    assertTrue(run.err().contains("127.0.0.1:1"), run::toString);
  }

  @Test
  void aDryRunShowsWhatWouldMoveAndMovesNothing() {
    var f = new DeadLetterFixture(messaging, "dry").parked(3, "dry-");
    f.heal();
    Path audit = dir.resolve("audit.jsonl");
    CliRun run = dlq("redrive", "--group", f.group.name(), "--dry-run", "--audit", audit.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains("would redrive 3, hold back 0"), run::toString);
    assertEquals(3, f.pending().size());
    assertFalse(Files.exists(audit), "a dry run writes no audit");
    assertEquals(1, f.deliveriesOf("dry-0"));
  }

  @Test
  void aRedriveKeepsItsRateAndAuditsEveryLetter() throws Exception {
    int letters = 21;
    double rate = 10;
    var f = new DeadLetterFixture(messaging, "rate").parked(letters, "rate-");
    f.heal();
    Path audit = dir.resolve("audit.jsonl");
    CliRun run = dlq("redrive", "--group", f.group.name(), "--rate", String.valueOf(rate), "--audit", audit.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains("redriven " + letters + ","), run::toString);

    List<JsonNode> lines = audit(audit);
    List<Instant> intents = lines.stream().filter(l -> l.get("action").asString().equals("intent"))
        .map(l -> Instant.parse(l.get("time").asString())).toList();
    assertEquals(letters, intents.size());
    Duration span = Duration.between(intents.get(0), intents.get(letters - 1));
    Duration expected = Duration.ofMillis((long) ((letters - 1) / rate * 1000));
    // a limit: never faster than the rate (within 10 %), never a burst; slower only while a send is slow
    assertTrue(span.toMillis() >= expected.toMillis() * 9 / 10,
        "no faster than the rate: " + span + " for " + letters + " letters at " + rate + "/s, expected " + expected);
    for (int i = 1; i < letters; i++) {
      long gap = Duration.between(intents.get(i - 1), intents.get(i)).toMillis();
      assertTrue(gap >= (long) (1000 / rate) * 9 / 10, "no burst: " + gap + " ms between letters " + i + " and " + (i + 1));
    }
    assertTrue(span.compareTo(expected.plusSeconds(5)) <= 0, "kept going: " + span);
    List<JsonNode> redriven = lines.stream().filter(l -> l.get("action").asString().equals("redriven")).toList();
    assertEquals(letters, redriven.size());
    for (JsonNode line : redriven) {
      assertFalse(line.get("newMessageId").asString().isEmpty());
      assertTrue(line.get("by").asString().contains("@"));
      assertEquals(nameServer, line.get("cluster").asString());
      assertEquals(f.group.name(), line.get("group").asString());
    }
    assertTrue(f.pending().isEmpty());
    DeadLetterFixture.await("every copy handled once", () -> java.util.stream.IntStream.range(0, letters)
        .allMatch(i -> f.deliveriesOf("rate-" + i) == 2));
  }

  @Test
  void theLoopGuardHoldsBackLettersRedrivenTooOften() throws Exception {
    var f = new DeadLetterFixture(messaging, "loop").parked(1, "loop-");
    Path audit = dir.resolve("audit.jsonl");
    String[] args = {"--group", f.group.name(), "--max-redrives", "1", "--audit", audit.toString()};
    assertEquals(ExitCodes.OK, dlq("redrive", args).exitCode());
    DeadLetterFixture.await("the copy dead-lettered again", () -> f.deliveriesOf("loop-0") == 2
        && f.pending().size() == 1);
    assertEquals(1, f.pending().get(0).redrives());

    CliRun held = dlq("redrive", args);
    assertEquals(ExitCodes.GUARDED, held.exitCode(), held::toString);
    assertTrue(held.out().contains("held back by the loop guard 1"), held::toString);
    assertEquals(1, f.pending().size());
    assertEquals("guarded", audit(audit).get(audit(audit).size() - 1).get("action").asString());

    CliRun forced = dlq("redrive", with(args, "--force"));
    assertEquals(ExitCodes.OK, forced.exitCode(), forced::toString);
    DeadLetterFixture.await("the forced copy delivered", () -> f.deliveriesOf("loop-0") == 3);
  }

  @Test
  void aRedriveKilledHalfWayLosesNothingAndTheAuditSaysWhatMoved() throws Exception {
    int letters = 12;
    var f = new DeadLetterFixture(messaging, "kill").parked(letters, "kill-");
    f.heal();
    Path audit = dir.resolve("audit.jsonl");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RocketportCli.class.getName(), "dlq", "redrive",
        "--namesrv", nameServer, "--group", f.group.name(), "--rate", "4", "--audit", audit.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      DeadLetterFixture.await("a few letters redriven", () -> redrivenIn(audit).size() >= 3);
    } finally {
      child.destroyForcibly().waitFor();
    }
    Set<String> audited = redrivenIn(audit);
    assertTrue(audited.size() < letters, "killed half-way: " + audited.size() + " of " + letters);
    Set<String> pending = f.pending().stream().map(l -> l.messageId()).collect(Collectors.toSet());
    assertTrue(java.util.Collections.disjoint(audited, pending), "a letter audited as redriven is not pending");
    Set<String> intents = actionIn(audit, "intent");
    assertEquals(letters, pending.size() + intents.stream().filter(id -> !pending.contains(id)).count(),
        "every letter is pending or was sent by an audited intent");

    CliRun rest = dlq("redrive", "--group", f.group.name(), "--audit", audit.toString());
    assertEquals(ExitCodes.OK, rest.exitCode(), rest::toString);
    assertTrue(f.pending().isEmpty());
    DeadLetterFixture.await("every letter's copy handled", () -> java.util.stream.IntStream.range(0, letters)
        .allMatch(i -> f.deliveriesOf("kill-" + i) >= 2));
    for (int i = 0; i < letters; i++) {
      assertEquals(2, f.deliveriesOf("kill-" + i), "kill-" + i + " redriven exactly once");
    }
  }

  @Test
  void aRedriveWhoseTopicIsGoneStopsAndTheLetterStays() throws Exception {
    var f = new DeadLetterFixture(messaging, "gone").parked(2, "gone-");
    String physical = f.topic.name();
    DefaultMQAdminExt raw = new DefaultMQAdminExt();
    raw.setNamesrvAddr(nameServer);
    raw.setInstanceName("cli-test-admin-" + System.nanoTime());
    raw.start();
    try {
      raw.deleteTopicInBroker(Set.of(ROCKETMQ.broker().brokerAddress()), physical);
      raw.deleteTopicInNameServer(Set.of(nameServer), physical);
    } finally {
      raw.shutdown();
    }
    Path audit = dir.resolve("audit.jsonl");
    CliRun run = dlq("redrive", "--group", f.group.name(), "--audit", audit.toString());
    assertEquals(ExitCodes.STOPPED, run.exitCode(), run::toString);
    assertTrue(run.out().contains("does not exist"), run::toString);
    assertEquals(List.of("intent", "failed"), audit(audit).stream().map(l -> l.get("action").asString()).toList());
    assertEquals(2, f.pending().size(), "nothing moved");
  }

  private Set<String> redrivenIn(Path audit) {
    return actionIn(audit, "redriven");
  }

  private Set<String> actionIn(Path audit, String action) {
    try {
      if (!Files.exists(audit)) {
        return Set.of();
      }
      return audit(audit).stream().filter(l -> l.get("action").asString().equals(action))
          .map(l -> l.get("messageId").asString()).collect(Collectors.toSet());
    } catch (Exception partialLine) {
      return Set.of(); // the child is writing a line right now
    }
  }
}
