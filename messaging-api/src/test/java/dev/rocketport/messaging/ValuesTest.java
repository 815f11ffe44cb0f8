package dev.rocketport.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private static final Topic TOPIC = Topic.of("values");

  @Test
  void messagesCopyTheirBodyInAndOut() {
    byte[] body = {1, 2, 3};
    Message message = Message.builder(TOPIC).body(body).build();
    body[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, message.body());
    message.body()[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, message.body());
    assertEquals(message, Message.builder(TOPIC).body(new byte[] {1, 2, 3}).build());
    assertNotEquals(message, Message.builder(TOPIC).body(new byte[] {1, 2, 4}).build());
  }

  @Test
  void theRetryLadderIsRocketMqs() {
    RetryLadder ladder = RetryLadder.standard();
    assertEquals(Duration.ofSeconds(10), ladder.delayBeforeRetry(1));
    assertEquals(Duration.ofSeconds(30), ladder.delayBeforeRetry(2));
    assertEquals(Duration.ofHours(2), ladder.delayBeforeRetry(16));
    assertEquals(Duration.ofHours(2), ladder.delayBeforeRetry(40));
  }

  @Test
  void delayLevelsAreTheClassicEighteen() {
    assertEquals(18, DelayLevel.values().length);
    assertEquals(Duration.ofSeconds(10), DelayLevel.of(3).duration());
    assertEquals("delayLevel", assertThrows(InvalidArgumentException.class, () -> DelayLevel.of(19)).field());
  }

  @Test
  void theUtf8CodecRejectsMalformedInput() {
    Codec<String> codec = Codec.utf8();
    assertEquals("größe ✓", codec.decode(codec.encode("größe ✓")).get());
    assertTrue(codec.decode(new byte[] {(byte) 0xC3, (byte) 0x28}).isLeft());
  }

  @Test
  void handlerResultsValidateTheirDelay() {
    assertEquals("delay", assertThrows(InvalidArgumentException.class,
        () -> HandlerResult.retryAfter(Duration.ZERO)).field());
    assertTrue(HandlerResult.retryAfter(Duration.ofSeconds(5)) instanceof HandlerResult.Retry r
        && r.delay().contains(Duration.ofSeconds(5)));
  }

  @Test
  void rejectReasonsFollowTheHeaderValueRules() {
    for (String bad : new String[] {null, " ", "a\u0001b", "\uD800", "x".repeat(HandlerResult.MAX_REASON_LENGTH + 1)}) {
      assertEquals("reason", assertThrows(InvalidArgumentException.class, () -> HandlerResult.reject(bad)).field());
    }
    assertEquals("reject", HandlerResult.reject("schema v9 unknown").verdict());
  }

  @Test
  void typedPayloadsRefuseNullsAndNameTheirContentType() {
    Message.Builder builder = Message.builder(TOPIC);
    assertEquals("codec", assertThrows(InvalidArgumentException.class, () -> builder.payload("x", null)).field());
    assertEquals("payload", assertThrows(InvalidArgumentException.class,
        () -> builder.payload(null, Codec.utf8())).field());
    assertEquals("codec", assertThrows(InvalidArgumentException.class,
        () -> MessageHandler.typed(null, (p, m) -> HandlerResult.success())).field());
    Message text = Message.builder(TOPIC).payload("größe", Codec.utf8()).build();
    assertEquals("text/plain; charset=utf-8", text.headers().get(Headers.CONTENT_TYPE));
    assertEquals("größe", text.payload(Codec.utf8()).get());
    assertEquals("codec", assertThrows(InvalidArgumentException.class, () -> text.payload(null)).field());
    Message xml = Message.builder(TOPIC).body("<a/>").header(Headers.CONTENT_TYPE, "Application/XML").build();
    assertEquals("content type is 'Application/XML', the codec reads 'text/plain; charset=utf-8'",
        xml.payload(Codec.utf8()).getLeft().description());
    assertEquals("schön", Reply.of("schön").payload(Codec.utf8()).get());
  }

  @Test
  void requestPositionsAndRepliesCheckTheirValues() {
    assertEquals("startFrom", assertThrows(InvalidArgumentException.class, () -> StartPosition.at(null)).field());
    assertEquals("startFrom", assertThrows(InvalidArgumentException.class,
        () -> SubscriptionSpec.builder(TOPIC, ConsumerGroup.of("g")).startFrom(null)).field());
    assertEquals("reply", assertThrows(InvalidArgumentException.class, () -> HandlerResult.reply(null)).field());
    assertEquals("header 'KEYS'", assertThrows(InvalidArgumentException.class,
        () -> new Reply(new byte[1], java.util.Map.of("KEYS", "k"))).field());
    assertEquals("reply", HandlerResult.reply(Reply.of("ok")).verdict());
  }

  @Test
  void buildersRefuseABadValueInTheSetterThatTookIt() {
    Message.Builder message = Message.builder(TOPIC);
    assertEquals("tag", assertThrows(InvalidArgumentException.class, () -> message.tag("a||b")).field());
    SubscriptionSpec.Builder spec = SubscriptionSpec.builder(TOPIC, ConsumerGroup.of("g"));
    assertEquals("concurrency", assertThrows(InvalidArgumentException.class, () -> spec.concurrency(0)).field());
    assertEquals("maxRetries", assertThrows(InvalidArgumentException.class, () -> spec.maxRetries(-1)).field());
    assertEquals("batchSize", assertThrows(InvalidArgumentException.class, () -> spec.batchSize(0)).field());
    assertEquals("closeTimeout", assertThrows(InvalidArgumentException.class, () -> spec.closeTimeout(null)).field());
    assertEquals("filter", assertThrows(InvalidArgumentException.class, () -> spec.filter(null)).field());
    assertEquals("group", assertThrows(InvalidArgumentException.class, () -> SubscriptionSpec.builder(TOPIC, null)).field());
    assertEquals(4, spec.build().concurrency(), "refused values left the builder as it was");
  }

  @Test
  void aFailurePolicyRefusesWhatCannotWorkNamingTheField() {
    assertEquals("type", assertThrows(InvalidArgumentException.class,
        () -> FailurePolicy.builder().reject(null)).field());
    assertEquals("delay", assertThrows(InvalidArgumentException.class,
        () -> FailurePolicy.builder().retryAfter(IllegalStateException.class, Duration.ZERO)).field());
    assertEquals("delay", assertThrows(InvalidArgumentException.class,
        () -> FailurePolicy.builder().retryAfter(IllegalStateException.class, null)).field());
    assertEquals("failurePolicy", assertThrows(InvalidArgumentException.class,
        () -> SubscriptionSpec.builder(Topic.of("t"), ConsumerGroup.of("g")).failurePolicy(null)).field());
  }

  @Test
  void aFailurePolicyAnswersByTheFirstMatchingRule() {
    FailurePolicy policy = FailurePolicy.builder().retry(IllegalStateException.class)
        .reject(RuntimeException.class).retryAfter(Exception.class, Duration.ofSeconds(5)).build();
    assertEquals(HandlerResult.retry(), policy.verdictFor(new IllegalStateException()));
    assertEquals(HandlerResult.reject("java.lang.IllegalArgumentException: bad"),
        policy.verdictFor(new IllegalArgumentException("bad")));
    assertEquals(HandlerResult.retryAfter(Duration.ofSeconds(5)), policy.verdictFor(new java.io.IOException()));
    assertEquals(HandlerResult.retry(), policy.verdictFor(new AssertionError()));
    assertEquals(HandlerResult.retry(), FailurePolicy.retryAll().verdictFor(new IllegalArgumentException()));
  }

  @Test
  void aCircuitBreakerRefusesWhatCannotWorkNamingTheField() {
    assertEquals("window", assertThrows(InvalidArgumentException.class,
        () -> new CircuitBreaker(0, 1, Duration.ofSeconds(1))).field());
    assertEquals("failures", assertThrows(InvalidArgumentException.class,
        () -> new CircuitBreaker(3, 4, Duration.ofSeconds(1))).field());
    assertEquals("openFor", assertThrows(InvalidArgumentException.class,
        () -> new CircuitBreaker(3, 3, Duration.ofMillis(1))).field());
    assertEquals("openFor", assertThrows(InvalidArgumentException.class,
        () -> new CircuitBreaker(3, 3, null)).field());
    assertEquals("circuitBreaker", assertThrows(InvalidArgumentException.class,
        () -> SubscriptionSpec.builder(Topic.of("t"), ConsumerGroup.of("g")).circuitBreaker(null)).field());
  }

  @Test
  void aRateLimitRefusesWhatCannotWorkNamingTheField() {
    for (double bad : new double[] {0, -1, Double.NaN, RateLimit.MAX_PER_SECOND + 1}) {
      assertEquals("messagesPerSecond", assertThrows(InvalidArgumentException.class, () -> RateLimit.perSecond(bad))
          .field(), "rate " + bad);
    }
    assertEquals("rateLimit", assertThrows(InvalidArgumentException.class,
        () -> SubscriptionSpec.builder(Topic.of("t"), ConsumerGroup.of("g")).rateLimit(null)).field());
    assertEquals(1, RateLimit.perSecond(0.5).burst());
    assertEquals(5, RateLimit.perSecond(50).burst());
  }

  @Test
  void aFailurePolicyRefusesARuleThatCouldNeverApplyNamingTheType() {
    var twice = assertThrows(InvalidArgumentException.class, () -> FailurePolicy.builder()
        .reject(IllegalArgumentException.class).retry(IllegalArgumentException.class));
    assertEquals("type", twice.field());
    assertTrue(twice.getMessage().contains("java.lang.IllegalArgumentException already has a rule (reject)"),
        twice.getMessage());
    var shadowed = assertThrows(InvalidArgumentException.class, () -> FailurePolicy.builder()
        .retryAfter(RuntimeException.class, Duration.ofSeconds(5)).reject(IllegalStateException.class));
    assertTrue(shadowed.getMessage().contains("for java.lang.RuntimeException"), shadowed.getMessage());
    FailurePolicy subtypeFirst = FailurePolicy.builder().reject(IllegalStateException.class)
        .retry(RuntimeException.class).build();
    assertEquals(2, subtypeFirst.rules().size());
  }
}
