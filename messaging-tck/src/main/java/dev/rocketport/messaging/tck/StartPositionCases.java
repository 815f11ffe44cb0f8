package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.StartPosition;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link StartPosition}: where a group without offsets starts, and that a group with offsets ignores it. */
public abstract class StartPositionCases extends TckCases {

  private void sendAll(Topic topic, String prefix, int count) {
    IntStream.range(0, count).forEach(i -> ctx().sent(text(topic, prefix + i)));
  }

  @Test
  @DisplayName("earliest (the default): a new group reads what was stored before it subscribed")
  void earliest() {
    Topic topic = ctx().topic();
    sendAll(topic, "old-", 4);
    Inbox inbox = inbox();
    subscribe(spec(topic).startFrom(StartPosition.earliest()), inbox);
    ctx().await("the 4 old messages", () -> inbox.size() == 4);
  }

  @Test
  @DisplayName("latest: a new group gets every message sent after subscribe, none sent before")
  void latest() {
    Topic topic = ctx().topic();
    sendAll(topic, "old-", 8);
    Inbox inbox = inbox();
    subscribe(spec(topic).startFrom(StartPosition.latest()), inbox);
    sendAll(topic, "new-", 8);
    ctx().await("the 8 new messages", () -> inbox.size() >= 8);
    ctx().holds("no old message", () -> inbox.size() == 8);
    assertEquals(8, inbox.bodies().stream().filter(b -> b.startsWith("new-")).count());
  }

  @Test
  @DisplayName("at an instant: a new group starts with the first message stored at or after it")
  void atInstant() {
    Topic topic = ctx().topic();
    sendAll(topic, "before-", 4);
    Instant cut = ctx().fixture().now();
    ctx().await("the clock to move past the cut", () -> ctx().fixture().now().isAfter(cut.plusMillis(5)));
    sendAll(topic, "after-", 4);
    Inbox inbox = inbox();
    subscribe(spec(topic).startFrom(StartPosition.at(cut.plusMillis(5))), inbox);
    ctx().await("the 4 later messages", () -> inbox.size() >= 4);
    ctx().holds("none before the cut", () -> inbox.size() == 4);
    assertEquals(List.of(true, true, true, true), inbox.bodies().stream().map(b -> b.startsWith("after-")).toList());
  }

  @Test
  @DisplayName("a group that committed offsets resumes from them, whatever its start position")
  void committedOffsetsWin() {
    Topic topic = ctx().topic();
    ConsumerGroup group = ctx().group();
    Inbox first = inbox();
    Subscription subscription = subscribe(SubscriptionSpec.builder(topic, group).closeTimeout(Duration.ofSeconds(10))
        .build(), first);
    sendAll(topic, "one-", 4);
    ctx().await("the first 4", () -> first.size() == 4);
    subscription.close();
    sendAll(topic, "two-", 4);
    Inbox second = inbox();
    subscribe(SubscriptionSpec.builder(topic, group).closeTimeout(Duration.ofSeconds(10))
        .startFrom(StartPosition.latest()).build(), second);
    ctx().await("the 4 sent while away", () -> second.bodies().stream().filter(b -> b.startsWith("two-")).count() == 4);
  }

  @Test
  @DisplayName("a start instant in the future is refused, naming startFrom")
  void futureInstantRefused() {
    Topic topic = ctx().topic();
    SubscriptionSpec spec = spec(topic).startFrom(StartPosition.at(ctx().fixture().now().plus(Duration.ofHours(1))))
        .build();
    var refused = assertThrows(InvalidArgumentException.class, () -> messaging().subscriber().subscribe(spec,
        m -> dev.rocketport.messaging.HandlerResult.success()));
    assertEquals("startFrom", refused.field());
  }
}
