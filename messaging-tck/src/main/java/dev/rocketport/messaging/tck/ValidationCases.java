package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Tag;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.UnsupportedFeatureException;
import dev.rocketport.messaging.admin.AdminFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input: each gets a clear, typed error that names what was wrong, and nothing is delivered. */
public abstract class ValidationCases extends TckCases {

  @ParameterizedTest(name = "topic \"{0}\" is rejected")
  @ValueSource(strings = {"", "has space", "slash/topic", "dot.topic", "%RETRY%orders", "%DLQ%orders",
      "RMQ_SYS_TRANS_HALF_TOPIC", "TBW102", "SCHEDULE_TOPIC_XXXX"})
  void badTopicNames(String name) {
    var e = assertThrows(InvalidArgumentException.class, () -> Topic.of(name));
    assertEquals("topic", e.field());
  }

  @Test
  @DisplayName("a topic name of 128 characters is rejected, 127 accepted")
  void topicLength() {
    assertEquals("topic", assertThrows(InvalidArgumentException.class, () -> Topic.of("t".repeat(128))).field());
    assertEquals(127, Topic.of("t".repeat(127)).name().length());
  }

  @ParameterizedTest(name = "group \"{0}\" is rejected")
  @ValueSource(strings = {"", "a b", "%RETRY%g", "%DLQ%g", "g/1", "DEFAULT_CONSUMER", "DEFAULT_PRODUCER",
      "TOOLS_CONSUMER", "CLIENT_INNER_PRODUCER", "CID_RMQ_SYS_TRANS"})
  void badGroupNames(String name) {
    assertEquals("group", assertThrows(InvalidArgumentException.class, () -> ConsumerGroup.of(name)).field());
    assertEquals("producerGroup", assertThrows(InvalidArgumentException.class, () -> ProducerGroup.of(name)).field());
  }

  @Test
  @DisplayName("a group name of 121 characters is rejected, 120 accepted")
  void groupLength() {
    assertEquals("group", assertThrows(InvalidArgumentException.class, () -> ConsumerGroup.of("g".repeat(121))).field());
    assertEquals(120, ConsumerGroup.of("g".repeat(120)).name().length());
  }

  @Test
  @DisplayName("headers, keys and tag beyond RocketMQ's properties limit are InvalidMessage on 'headers'; at the limit they are sent")
  void propertiesLimit() {
    Topic topic = ctx().topic();
    String name = "h";
    int fits = messaging().capabilities().maxPropertiesBytes() - name.length() - 2;
    Message tooMany = Message.builder(topic).body("x").header(name, "v".repeat(fits + 1)).build();
    assertEquals("headers", ((PublishFailure.InvalidMessage) publisher().send(tooMany).getLeft()).field());
    assertEquals("headers", ((PublishFailure.InvalidMessage) publisher().sendAsync(tooMany).toCompletableFuture()
        .join().getLeft()).field());
    if (!refusedWithout(Feature.BATCH_SEND, () -> publisher().sendBatch(List.of(tooMany)))) {
      assertEquals("headers", ((PublishFailure.InvalidMessage) publisher().sendBatch(List.of(tooMany)).entries()
          .get(0).getLeft()).field());
    }
    Message.Builder manyKeys = Message.builder(topic).body("x");
    for (int i = 0; i < 300; i++) {
      manyKeys.key(String.format("%0128d", i));
    }
    assertEquals("headers", ((PublishFailure.InvalidMessage) publisher().send(manyKeys.build()).getLeft()).field());
    Message atLimit = Message.builder(topic).body("at-limit").header(name, "v".repeat(fits)).build();
    String id = ctx().sent(atLimit).messageId();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    ctx().await("the message at the limit", () -> inbox.contains(id));
    assertEquals(fits, java.util.Objects.requireNonNull(inbox.messages().get(0).message().headers().get(name)).length());
  }

  @Test
  @DisplayName("a delay of 'forever' is InvalidMessage on 'delay', not an overflow")
  void foreverDelay() {
    Message forever = Message.builder(ctx().topic()).body("x").deliverAfter(Duration.ofSeconds(Long.MAX_VALUE)).build();
    assertEquals("delay", ((PublishFailure.InvalidMessage) publisher().send(forever).getLeft()).field());
    assertEquals("delay", ((PublishFailure.InvalidMessage) publisher().sendAsync(forever).toCompletableFuture().join()
        .getLeft()).field());
  }

  @Test
  @DisplayName("a close timeout beyond a day is rejected on 'closeTimeout', not an overflow at close")
  void foreverCloseTimeout() {
    assertEquals("closeTimeout", assertThrows(InvalidArgumentException.class,
        () -> spec(Topic.of("any")).closeTimeout(Duration.ofSeconds(Long.MAX_VALUE)).build()).field());
    assertEquals(SubscriptionSpec.MAX_CLOSE_TIMEOUT,
        spec(Topic.of("any")).closeTimeout(SubscriptionSpec.MAX_CLOSE_TIMEOUT).build().closeTimeout());
  }

  @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the case checks the refusal
  @Test
  @DisplayName("null inside varargs and batches is InvalidArgumentException, not NullPointerException")
  void nullsInside() {
    assertEquals("tags", assertThrows(InvalidArgumentException.class, () -> Filter.tags("a", (String[]) null)).field());
    java.util.List<Message> batch = new java.util.ArrayList<>();
    batch.add(null);
    batch.add(text(ctx().topic(), "x"));
    if (!refusedWithout(Feature.BATCH_SEND, () -> publisher().sendBatch(batch))) {
      assertEquals("messages[0]", assertThrows(InvalidArgumentException.class, () -> publisher().sendBatch(batch))
          .field());
    }
  }

  @Test
  @DisplayName("a malformed SQL92 filter is refused when subscribing, naming 'filter'")
  void malformedSql() {
    Topic topic = ctx().topic();
    var spec = spec(topic).filter(Filter.sql("region = = 'eu' AND")).build();
    if (messaging().capabilities().supports(Feature.SQL_FILTER)) {
      assertEquals("filter", assertThrows(InvalidArgumentException.class,
          () -> messaging().subscriber().subscribe(spec, m -> HandlerResult.success())).field());
    } else {
      assertThrows(UnsupportedFeatureException.class,
          () -> messaging().subscriber().subscribe(spec, m -> HandlerResult.success()));
    }
  }

  @ParameterizedTest(name = "tag \"{0}\" is rejected")
  @ValueSource(strings = {"", " ", "a b", "a||b", "*"})
  void badTags(String tag) {
    assertEquals("tag", assertThrows(InvalidArgumentException.class, () -> Tag.of(tag)).field());
  }

  @Test
  @DisplayName("message keys with white space, empty or over 128 characters are rejected")
  void badKeys() {
    assertEquals("key", assertThrows(InvalidArgumentException.class, () -> MessageKey.of("a b")).field());
    assertEquals("key", assertThrows(InvalidArgumentException.class, () -> MessageKey.of("")).field());
    assertEquals("key", assertThrows(InvalidArgumentException.class, () -> MessageKey.of("k".repeat(129))).field());
  }

  @ParameterizedTest(name = "header \"{0}\" is reserved")
  @ValueSource(strings = {"KEYS", "TAGS", "UNIQ_KEY", "DELAY", "TIMER_DELIVER_MS", "rocketport.internal",
      "DLQ_ORIGIN_TOPIC", "ORIGIN_GROUP", "TIMER_DELAY_LEVEL", "__custom"})
  void reservedHeaders(String name) {
    Topic topic = Topic.of("any");
    var e = assertThrows(InvalidArgumentException.class, () -> Message.builder(topic).header(name, "v"));
    assertTrue(e.field().contains(name), e.getMessage());
  }

  @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the case checks the refusal
  @Test
  @DisplayName("header values with RocketMQ's separator characters are rejected")
  void headerSeparators() {
    Topic topic = Topic.of("any");
    assertThrows(InvalidArgumentException.class, () -> Message.builder(topic).header("h", "a\u0001b"));
    assertThrows(InvalidArgumentException.class, () -> Message.builder(topic).header("h", null));
  }

  @Test
  @DisplayName("blank header names and values, and unpaired surrogates in headers, tags and keys, are rejected")
  void blankHeadersAndUnpairedSurrogates() {
    Topic topic = Topic.of("any");
    // found by the property-based test: RocketMQ's client throws for blank property values, and
    // stores text as UTF-8, where an unpaired surrogate arrives as '?'
    for (String blank : new String[] {"", " ", "\t\n", "\u0000\u0003"}) {
      var e = assertThrows(InvalidArgumentException.class, () -> Message.builder(topic).header("h", blank));
      assertEquals("header 'h'", e.field());
    }
    assertThrows(InvalidArgumentException.class, () -> Message.builder(topic).header("  ", "v"));
    assertEquals("header 'h'", assertThrows(InvalidArgumentException.class,
        () -> Message.builder(topic).header("h", "a\ud800b")).field());
    assertEquals("tag", assertThrows(InvalidArgumentException.class, () -> Message.builder(topic).tag("\udc00")).field());
    assertEquals("key", assertThrows(InvalidArgumentException.class, () -> Message.builder(topic).key("k\ud83d")).field());
    assertEquals("😀", Message.builder(topic).body("x").tag("😀").build().tag().get().name(), "paired surrogates are fine");
  }

  @Test
  @DisplayName("control characters in keys and tags are rejected")
  void controlCharactersInKeysAndTags() {
    Topic topic = Topic.of("any");
    // found by the property-based test on a real broker: a key of "\u0000" was accepted and arrived as no key
    for (String control : new String[] {"\u0000", "a\u0001b", "\u007f", "k\u0085"}) {
      assertEquals("key", assertThrows(InvalidArgumentException.class, () -> Message.builder(topic).key(control))
          .field());
      assertEquals("tag", assertThrows(InvalidArgumentException.class, () -> Message.builder(topic).tag(control))
          .field());
    }
  }

  @Test
  @DisplayName("an oversize body is MessageTooLarge in every send mode and nothing arrives")
  void oversizeBody() {
    Topic topic = ctx().topic();
    Inbox inbox = inbox();
    subscribe(spec(topic), inbox);
    int limit = messaging().capabilities().maxMessageSize();
    Message big = Message.builder(topic).body(new byte[limit + 1]).build();
    var expected = new PublishFailure.MessageTooLarge(limit + 1, limit);
    assertEquals(expected, publisher().send(big).getLeft());
    assertEquals(expected, publisher().sendAsync(big).toCompletableFuture().join().getLeft());
    assertEquals(expected, publisher().sendOneway(big).getLeft());
    assertEquals(expected, messaging().orderedPublisher().send(big, ShardingKey.of("k")).getLeft());
    ctx().holds("nothing arrives", () -> inbox.size() == 0);
  }

  @Test
  @DisplayName("a body of exactly the limit is accepted")
  void bodyAtLimit() {
    Topic topic = ctx().topic();
    int limit = messaging().capabilities().maxMessageSize();
    ctx().sent(Message.builder(topic).body(new byte[limit]).build());
  }

  @Test
  @DisplayName("an empty body is InvalidMessage on 'body'")
  void emptyBody() {
    Topic topic = ctx().topic();
    var failure = publisher().send(Message.builder(topic).build()).getLeft();
    assertEquals("body", ((PublishFailure.InvalidMessage) failure).field());
  }

  @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the case checks the refusal
  @Test
  @DisplayName("null arguments throw InvalidArgumentException naming the argument")
  void nullArguments() {
    Topic topic = ctx().topic();
    assertEquals("message", assertThrows(InvalidArgumentException.class, () -> publisher().send(null)).field());
    assertEquals("message", assertThrows(InvalidArgumentException.class, () -> publisher().sendAsync(null)).field());
    assertEquals("shardingKey", assertThrows(InvalidArgumentException.class,
        () -> messaging().orderedPublisher().send(text(topic, "x"), null)).field());
    assertEquals("spec", assertThrows(InvalidArgumentException.class,
        () -> messaging().subscriber().subscribe(null, m -> null)).field());
    assertEquals("handler", assertThrows(InvalidArgumentException.class,
        () -> messaging().subscriber().subscribe(spec(topic).build(), null)).field());
    assertEquals("body", assertThrows(InvalidArgumentException.class,
        () -> Message.builder(topic).body((byte[]) null)).field());
  }

  @Test
  @DisplayName("a delay beyond the adapter's maximum is InvalidMessage on 'delay'")
  void delayTooLong() {
    Topic topic = ctx().topic();
    Duration tooLong = messaging().capabilities().maxDelay().plusHours(1);
    var failure = publisher().send(Message.builder(topic).body("x").deliverAfter(tooLong).build()).getLeft();
    assertEquals("delay", ((PublishFailure.InvalidMessage) failure).field());
  }

  @Test
  @DisplayName("non-positive delays are rejected when the message is built")
  void nonPositiveDelay() {
    Topic topic = Topic.of("any");
    assertEquals("delay", assertThrows(InvalidArgumentException.class,
        () -> Message.builder(topic).deliverAfter(Duration.ZERO)).field());
    assertEquals("delay", assertThrows(InvalidArgumentException.class,
        () -> Message.builder(topic).deliverAfter(Duration.ofSeconds(-1))).field());
  }

  @Test
  @DisplayName("subscription specs out of range name the field")
  void badSpecs() {
    Topic topic = Topic.of("any");
    ConsumerGroup group = ConsumerGroup.of("g");
    assertEquals("concurrency", assertThrows(InvalidArgumentException.class,
        () -> SubscriptionSpec.builder(topic, group).concurrency(0).build()).field());
    assertEquals("maxRetries", assertThrows(InvalidArgumentException.class,
        () -> SubscriptionSpec.builder(topic, group).maxRetries(-1).build()).field());
    assertEquals("batchSize", assertThrows(InvalidArgumentException.class,
        () -> SubscriptionSpec.builder(topic, group).batchSize(0).build()).field());
  }

  @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the case checks the refusal
  @Test
  @DisplayName("subscribing to a topic that does not exist throws, naming 'topic'")
  void subscribeMissingTopic() {
    var e = assertThrows(InvalidArgumentException.class,
        () -> messaging().subscriber().subscribe(spec(ctx().missingTopic()).build(), m -> null));
    assertEquals("topic", e.field());
  }

  @Test
  @DisplayName("a topic with 0 queues is never valid (InvalidArgumentException); more than the adapter allows is InvalidRequest")
  void badQueueCount() {
    assertEquals("queueCount", assertThrows(InvalidArgumentException.class,
        () -> messaging().admin().createTopic(ctx().missingTopic(), 0)).field());
    var failure = messaging().admin().createTopic(ctx().missingTopic(), 1_000_000).getLeft();
    assertEquals("queueCount", ((AdminFailure.InvalidRequest) failure).field());
  }
}
