package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.Backlog;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pause and resume: no handler call while paused, the backlog grows, and it drains after resume. */
public abstract class PauseCases extends TckCases {

  private long backlog(SubscriptionSpec spec) {
    return messaging().admin().backlog(spec.topic(), spec.group()).map(Backlog::total).getOrElse(-1L);
  }

  private void sendAll(Topic topic, String prefix, int count) {
    IntStream.range(0, count).forEach(i -> ctx().sent(text(topic, prefix + i)));
  }

  @Test
  @DisplayName("while paused nothing is handled and the backlog grows; after resume it drains")
  void pauseAndResume() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    SubscriptionSpec spec = spec(topic).build();
    Subscription subscription = subscribe(spec, inbox);
    sendAll(topic, "before-", 2);
    ctx().await("the first 2", () -> inbox.size() == 2);
    subscription.pause();
    subscription.pause();
    assertTrue(subscription.isPaused());
    sendAll(topic, "paused-", 10);
    ctx().await("a backlog of 10", () -> backlog(spec) == 10);
    ctx().holds("nothing handled while paused", () -> inbox.size() == 2);
    subscription.resume();
    assertFalse(subscription.isPaused());
    ctx().await("the 10 held back", () -> inbox.size() == 12);
    ctx().await("no backlog", () -> backlog(spec) == 0);
  }

  @Test
  @DisplayName("closing a paused subscription loses nothing: the group's next member gets what it held back")
  void closeWhilePaused() {
    Topic topic = ctx().topic();
    SubscriptionSpec spec = spec(topic).build();
    Inbox first = inbox();
    Subscription paused = subscribe(spec, first);
    paused.pause();
    sendAll(topic, "held-", 5);
    ctx().await("a backlog of 5", () -> backlog(spec) == 5);
    paused.close();
    assertFalse(paused.isActive());
    paused.pause();
    assertFalse(paused.isPaused(), "pausing a closed subscription has no effect");
    Inbox next = inbox();
    subscribe(spec, next);
    ctx().await("the 5 held back", () -> next.ids().size() == 5);
    assertTrue(first.size() == 0, "the paused member handled nothing");
  }
}
