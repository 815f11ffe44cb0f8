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
    RetryLadder ladder = RetryLadder.rocketMqDefault();
    assertEquals(Duration.ofSeconds(10), ladder.delayBeforeRetry(1));
    assertEquals(Duration.ofSeconds(30), ladder.delayBeforeRetry(2));
    assertEquals(Duration.ofHours(2), ladder.delayBeforeRetry(16));
    assertEquals(Duration.ofHours(2), ladder.delayBeforeRetry(40));
  }

  @Test
  void delayLevelsAreTheClassicEighteen() {
    assertEquals(18, DelayLevel.values().length);
    assertEquals(Duration.ofSeconds(10), DelayLevel.of(3).duration());
    assertEquals(DelayLevel.LEVEL_5, DelayLevel.atLeast(Duration.ofSeconds(31)));
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
}
