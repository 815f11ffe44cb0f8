package dev.rocketport.inmemory.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rocketport.messaging.InvalidArgumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryConfigTest {

  @Test
  void theBuilderStartsFromRocketMqsDefaultsAndTakesEachSetting() {
    InMemoryConfig config = InMemoryConfig.builder().maxMessageSize(1024).journalCapacity(0)
        .transactionChecks(Duration.ofSeconds(1), Duration.ofSeconds(2), 3).build();
    assertEquals(1024, config.maxMessageSize());
    assertEquals(0, config.journalCapacity());
    assertEquals(Duration.ofSeconds(2), config.transactionCheckInterval());
    assertEquals(3, config.transactionMaxChecks());
    assertEquals(InMemoryConfig.defaults().retryLadder(), config.retryLadder());
    assertEquals(Duration.ofSeconds(6), InMemoryConfig.defaults().transactionTimeout());
  }

  @Test
  void theBuildersSettersRefuseABadValueAtOnceNamingTheField() {
    InMemoryConfig.Builder builder = InMemoryConfig.builder();
    assertEquals("maxMessageSize", assertThrows(InvalidArgumentException.class, () -> builder.maxMessageSize(0)).field());
    assertEquals("maxDelay", assertThrows(InvalidArgumentException.class, () -> builder.maxDelay(null)).field());
    assertEquals("journalCapacity", assertThrows(InvalidArgumentException.class, () -> builder.journalCapacity(-1)).field());
    assertEquals("sendTimeout", assertThrows(InvalidArgumentException.class,
        () -> builder.sendTimeout(Duration.ofDays(2))).field());
    assertEquals("transactionMaxChecks", assertThrows(InvalidArgumentException.class,
        () -> builder.transactionChecks(Duration.ofSeconds(1), Duration.ofSeconds(1), 0)).field());
    assertEquals(InMemoryConfig.defaults(), builder.build(), "refused values left the builder as it was");
  }
}
