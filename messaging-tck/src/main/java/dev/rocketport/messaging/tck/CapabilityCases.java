package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.UnsupportedFeatureException;
import dev.rocketport.messaging.spi.CapabilityChecks;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Capabilities: the limits every adapter declares, and each optional {@link Feature} either working or
 * refused with nothing sent. The other groups take the adapter's declared path too
 * ({@link TckCases#refusedWithout}), so an adapter lacking a feature passes the whole suite through
 * its fail-fast branches.
 */
public abstract class CapabilityCases extends TckCases {

  @Test
  @DisplayName("every adapter declares RocketMQ's 4 MiB default limit and a retry ladder")
  void coreLimits() {
    Capabilities caps = messaging().capabilities();
    assertEquals(CapabilityChecks.DEFAULT_MAX_MESSAGE_SIZE, caps.maxMessageSize());
    assertTrue(caps.retryLadder().levels().size() >= 3);
  }

  @Test
  @DisplayName("requiring an unsupported feature fails fast naming the feature and the adapter")
  void requireUnsupported() {
    Capabilities caps = messaging().capabilities();
    Capabilities lacking = new Capabilities("test-adapter", EnumSet.noneOf(Feature.class), caps.maxMessageSize(),
        caps.maxDelay(), caps.retryLadder());
    var e = assertThrows(UnsupportedFeatureException.class, () -> CapabilityChecks.require(lacking, Feature.SQL_FILTER, "spec"));
    assertEquals(Feature.SQL_FILTER, e.feature());
    assertTrue(String.valueOf(e.getMessage()).contains("test-adapter"), e::getMessage);
  }

  @Test
  @DisplayName("a batch is stored where BATCH_SEND is declared; where not, it is refused and nothing is sent")
  void batchSendAsDeclared() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    List<Message> batch = List.of(text(topic, "batch-1"), text(topic, "batch-2"));
    boolean refused = refusedWithout(Feature.BATCH_SEND, () -> publisher().sendBatch(batch));
    if (!refused) {
      assertTrue(publisher().sendBatch(batch).allSent());
    }
    expectOnly(topic, inbox, refused ? 0 : 2);
  }

  @Test
  @DisplayName("where BROADCASTING is lacking, a broadcasting subscribe is refused and leaves no member behind")
  void broadcastingAsDeclared() {
    Topic topic = ctx().topic();
    ConsumerGroup group = ctx().group();
    Inbox broadcast = inbox();
    boolean refused = refusedWithout(Feature.BROADCASTING,
        () -> subscribe(SubscriptionSpec.builder(topic, group).broadcasting().build(), broadcast));
    Inbox clustering = inbox();
    ConsumerGroup next = refused ? group : ctx().group(); // a refused group is free for another shape
    subscribe(SubscriptionSpec.builder(topic, next).closeTimeout(Duration.ofSeconds(10)).build(), clustering);
    if (!refused) {
      subscribe(SubscriptionSpec.builder(topic, group).broadcasting().build(), broadcast);
    }
    SendReceipt sent = ctx().sent(text(topic, "to the group"));
    ctx().await("delivered", () -> clustering.contains(sent.messageId())
        && (refused || broadcast.contains(sent.messageId())));
    assertEquals(refused ? 0 : 1, broadcast.size());
  }

  @Test
  @DisplayName("where REQUEST_REPLY is lacking, a request is refused and nothing is sent")
  void requestReplyAsDeclared() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    // a runtime of its own: the request-reply cases read the shared runtime's requester counters
    Messaging runtime = ctx().track(ctx().fixture().newMessaging());
    boolean refused = refusedWithout(Feature.REQUEST_REPLY,
        () -> runtime.requester().request(text(topic, "request"), Duration.ofSeconds(30)));
    if (!refused) {
      var outcome = runtime.requester().request(text(topic, "request"), Duration.ofSeconds(1)).toCompletableFuture();
      ctx().await("the request's outcome", outcome::isDone);
      assertTrue(outcome.join().isLeft(), "a request nobody answers times out");
    }
    expectOnly(topic, inbox, refused ? 0 : 1);
  }

  /** Sends a sentinel and checks that besides it exactly {@code others} messages arrive. */
  private void expectOnly(Topic topic, Inbox inbox, int others) {
    SendReceipt sentinel = ctx().sent(text(topic, "sentinel"));
    ctx().await("the sentinel and " + others + " other message(s)",
        () -> inbox.contains(sentinel.messageId()) && inbox.size() == others + 1);
    ctx().holds("nothing else arrives", () -> inbox.size() == others + 1);
  }
}
