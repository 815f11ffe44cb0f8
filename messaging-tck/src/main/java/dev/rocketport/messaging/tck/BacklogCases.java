package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.GroupSummary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Backlog and groups: how far a group is behind (grows while nobody consumes, returns to zero), and which groups the broker knows. */
public abstract class BacklogCases extends TckCases {

  private long backlog(Topic topic, ConsumerGroup group) {
    return messaging().admin().backlog(topic, group).get().total();
  }

  @Test
  @DisplayName("backlog grows while the group is away and drains to 0 when it consumes")
  void growsAndDrains() {
    Topic topic = ctx().topic(4);
    SubscriptionSpec spec = spec(topic).build();
    Inbox inbox = inbox();
    var first = subscribe(spec, inbox);
    ctx().sent(text(topic, "warm-up"));
    ctx().await("the warm-up message", () -> inbox.size() == 1);
    ctx().await("backlog 0 after the warm-up", () -> backlog(topic, spec.group()) == 0);
    first.close();
    for (int i = 0; i < 25; i++) {
      ctx().sent(text(topic, "pending-" + i));
    }
    ctx().await("backlog 25 while nobody consumes", () -> backlog(topic, spec.group()) == 25);
    subscribe(spec, inbox);
    ctx().await("backlog back to 0", () -> backlog(topic, spec.group()) == 0);
    assertEquals(26, inbox.ids().size());
  }

  @Test
  @DisplayName("the broker's groups list a subscribed group with its topic and its member online, and 0 members "
      + "once it closed")
  void groupsListed() {
    Topic topic = ctx().topic();
    SubscriptionSpec spec = spec(topic).build();
    Inbox inbox = inbox();
    var subscription = subscribe(spec, inbox);
    ctx().sent(text(topic, "hello"));
    ctx().await("the message", () -> inbox.size() == 1);
    ctx().await("the group listed with one member", () -> summary(spec.group())
        .exists(g -> g.topics().equals(java.util.List.of(topic)) && g.onlineMembers() == 1));
    subscription.close();
    ctx().await("the group listed without members", () -> summary(spec.group()).exists(g -> g.onlineMembers() == 0));
    assertTrue(messaging().admin().groups().get().contains(summary(spec.group()).get()), "among all groups");
    assertTrue(summary(ctx().group()).isEmpty(), "a group that never subscribed is unknown");
  }

  private io.vavr.control.Option<GroupSummary> summary(ConsumerGroup group) {
    return messaging().admin().group(group)
        .getOrElseThrow(failure -> new AssertionError("reading the group failed: " + failure.description()));
  }

  @Test
  @DisplayName("a group that never consumed has every stored message as backlog")
  void newGroupSeesEverything() {
    Topic topic = ctx().topic(2);
    for (int i = 0; i < 6; i++) {
      ctx().sent(text(topic, "b" + i));
    }
    ConsumerGroup group = ctx().group();
    ctx().await("backlog 6", () -> backlog(topic, group) == 6);
  }

  @Test
  @DisplayName("backlog of a missing topic is TopicNotFound")
  void missingTopic() {
    Topic missing = ctx().missingTopic();
    assertEquals(new AdminFailure.TopicNotFound(missing),
        messaging().admin().backlog(missing, ctx().group()).getLeft());
  }
}
