package dev.rocketport.messaging.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.messaging.ShardingKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WireRulesTest {

  @Test
  void shardingKeysMapEveryHashIntoRange() {
    // "polygenelubricants" has hashCode Integer.MIN_VALUE: Math.abs would stay negative
    assertEquals(Integer.MIN_VALUE, "polygenelubricants".hashCode());
    int queue = WireRules.queueFor(ShardingKey.of("polygenelubricants"), 7);
    assertTrue(queue >= 0 && queue < 7);
  }

  @Test
  void retryDelaysRoundUpToALevelOfTheLadder() {
    RetryLadder ladder = RetryLadder.standard();
    assertEquals(3, WireRules.levelAtLeast(ladder, Duration.ofSeconds(6)));
    assertEquals(18, WireRules.levelAtLeast(ladder, Duration.ofDays(1)));
  }
}
