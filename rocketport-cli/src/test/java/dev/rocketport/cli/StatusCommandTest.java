package dev.rocketport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.RocketMqBrokerExtension;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code status} against a real broker: health, a group with its backlog and dead letters. */
class StatusCommandTest {
  @RegisterExtension
  static final RocketMqBrokerExtension ROCKETMQ = new RocketMqBrokerExtension();

  @Test
  void showsHealthGroupsBacklogAndDeadLetters() {
    String nameServer = ROCKETMQ.broker().nameServerAddress();
    try (RocketMqMessaging messaging = RocketMqMessaging.start(RocketMqConfig.builder(nameServer).build())) {
      var f = new DeadLetterFixture(messaging, "status").parked(2, "status-");
      // the member commits its offsets every second: wait until the broker has them
      DeadLetterFixture.await("backlog 0", () -> messaging.admin().backlog(f.topic, f.group).get().total() == 0);
      CliRun json = CliRun.of("status", "--namesrv", nameServer, "--json");
      assertEquals(ExitCodes.OK, json.exitCode(), json::toString);
      JsonNode status = JsonMapper.builder().build().readTree(json.out());
      assertEquals("UP", status.get("health").asString(), json::toString);
      JsonNode group = null;
      for (JsonNode g : status.get("groups")) {
        if (g.get("group").asString().equals(f.group.name())) {
          group = g;
        }
      }
      assertTrue(group != null, json::toString);
      assertEquals(2, group.get("deadLetters").asInt(), json::toString);
      assertEquals(1, group.get("onlineMembers").asInt(), json::toString);
      assertEquals(f.topic.name(), group.get("topics").get(0).get("topic").asString(), json::toString);
      assertEquals(0, group.get("topics").get(0).get("backlog").asLong(), json::toString);
      assertEquals(2, group.get("topics").get(0).get("byQueue").size(), "one entry per queue: " + json);

      CliRun text = CliRun.of("status", "--namesrv", nameServer);
      assertEquals(ExitCodes.OK, text.exitCode(), text::toString);
      assertTrue(text.out().contains(f.group.name()) && text.out().contains("DEAD LETTERS"), text::toString);
    }
  }
}
