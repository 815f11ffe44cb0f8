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
  void consistentHashKeepsMostKeysWhenQueuesAreAdded() {
    int moved = 0;
    for (int key = 0; key < 10_000; key++) {
      int before = WireRules.consistentHash(key, 8);
      int after = WireRules.consistentHash(key, 9);
      assertTrue(before >= 0 && before < 8 && after >= 0 && after < 9);
      moved += before == after ? 0 : 1;
      assertTrue(before == after || after == 8, "a key moves only to the new queue");
    }
    assertTrue(moved > 600 && moved < 1600, "about a ninth of the keys move: " + moved);
  }

  @Test
  void retryDelaysRoundUpToALevelOfTheLadder() {
    RetryLadder ladder = RetryLadder.standard();
    assertEquals(3, WireRules.levelAtLeast(ladder, Duration.ofSeconds(6)));
    assertEquals(18, WireRules.levelAtLeast(ladder, Duration.ofDays(1)));
  }
}
