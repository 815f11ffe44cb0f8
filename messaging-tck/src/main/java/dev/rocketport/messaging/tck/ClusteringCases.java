package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Clustering: a group's members split the queues; each message is handled once while membership is stable. */
public abstract class ClusteringCases extends TckCases {

  private SubscriptionSpec specFor(Topic topic, ConsumerGroup group) {
    return SubscriptionSpec.builder(topic, group).closeTimeout(Duration.ofSeconds(10)).build();
  }

  @Test
  @DisplayName("two members of one group split 200 messages; each message is handled exactly once")
  void membersSplitTheLoad() {
    Topic topic = ctx().topic(4);
    ConsumerGroup group = ctx().group();
    Inbox a = inbox();
    Inbox b = inbox();
    subscribe(specFor(topic, group), a);
    subscribe(specFor(topic, group), b);
    ctx().await("both members to own queues", () -> publishProbeAndSeeBoth(topic, a, b));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      ids.add(ctx().sent(text(topic, "load-" + i)).messageId());
    }
    ctx().await("200 messages", () -> union(a, b).containsAll(ids));
    ctx().holds("no message twice", () -> deliveriesOf(a, ids) + deliveriesOf(b, ids) == 200);
    assertTrue(a.ids().stream().anyMatch(ids::contains) && b.ids().stream().anyMatch(ids::contains),
        "both members got a share");
  }

  /** Sends one probe per queue until both members have received something (rebalance is asynchronous). */
  private boolean publishProbeAndSeeBoth(Topic topic, Inbox a, Inbox b) {
    if (a.size() > 0 && b.size() > 0) {
      return true;
    }
    for (int q = 0; q < 4; q++) {
      ctx().sent(text(topic, "probe"));
    }
    return false;
  }

  private static long deliveriesOf(Inbox inbox, Set<String> ids) {
    return inbox.messages().stream().filter(m -> ids.contains(m.messageId())).count();
  }

  private static Set<String> union(Inbox a, Inbox b) {
    Set<String> all = new HashSet<>(a.ids());
    all.addAll(b.ids());
    return all;
  }

  @Test
  @DisplayName("when a member leaves, the others take over its queues and nothing is lost")
  void memberLeavesNothingLost() {
    Topic topic = ctx().topic(4);
    ConsumerGroup group = ctx().group();
    Inbox a = inbox();
    Inbox b = inbox();
    subscribe(specFor(topic, group), a);
    var leaving = subscribe(specFor(topic, group), b);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ids.add(ctx().sent(text(topic, "before-" + i)).messageId());
    }
    ctx().await("the first 50", () -> union(a, b).containsAll(ids));
    leaving.close();
    Set<String> later = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      later.add(ctx().sent(text(topic, "after-" + i)).messageId());
    }
    ctx().await("the last 50 at the remaining member", () -> a.ids().containsAll(later));
  }

  @Test
  @DisplayName("two groups on one topic each get every message")
  void groupsAreIndependent() {
    Topic topic = ctx().topic();
    Inbox a = inbox();
    Inbox b = inbox();
    subscribe(spec(topic), a);
    subscribe(spec(topic), b);
    for (int i = 0; i < 20; i++) {
      ctx().sent(text(topic, "fan-" + i));
    }
    ctx().await("20 messages in each group", () -> a.size() >= 20 && b.size() >= 20);
    assertEquals(a.ids(), b.ids());
  }

  @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the case checks the refusal
  @Test
  @DisplayName("a member subscribing differently from its group is refused with IllegalStateException")
  void inconsistentMemberRefused() {
    Topic topic = ctx().topic();
    ConsumerGroup group = ctx().group();
    subscribe(specFor(topic, group), inbox());
    var other = SubscriptionSpec.builder(topic, group).filter(Filter.tags("x")).build();
    assertThrows(IllegalStateException.class, () -> messaging().subscriber().subscribe(other, m -> null));
  }
}
