package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based configuration strings: every {@code rocketport.rocketmq.*} property set to hostile
 * text (numbers out of range, words for numbers, control characters, empty and very long values).
 * Invariant: {@link RocketMqConfig#fromProperties} either refuses with an
 * {@link InvalidArgumentException} naming one of the properties, or builds a configuration holding
 * exactly the values given — never another exception.
 */
class ConfigPropertyTest {
  private static final Set<String> KEYS = Set.of("nameServer", "producerGroup", "transactionGroup", "sendTimeoutMs",
      "sendRetries", "asyncMaxInFlight", "closeTimeoutMs", "accessKey", "secretKey", "namespace", "maxMessageSize",
      "coalesceSends", "useTls");
  /** Fields a refusal may name: the keys, and the record's own names for the two durations. */
  private static final Set<String> FIELDS = Set.of("nameServer", "producerGroup", "transactionGroup", "sendTimeout",
      "sendTimeoutMs", "sendRetries", "asyncMaxInFlight", "closeTimeout", "closeTimeoutMs", "accessKey", "secretKey",
      "namespace", "maxMessageSize", "coalesceSends", "useTls");

  @Provide
  Arbitrary<Map<String, String>> configs() {
    Arbitrary<String> values = Arbitraries.oneOf(
        Arbitraries.of("127.0.0.1:9876", "a:1;b:65535", "h:0", "h:65536", "h", ":9876", "h:9876;", "true", "false",
            "TRUE", "yes", "0", "1", "-1", "16", "17", "86400000", "86400001", "9223372036854775808", "4294967297", "1e3", " 42 ",
            "orders", "orders producer", "%RETRY%x", "ns-1"),
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(3),
        Arbitraries.strings().alpha().ofLength(300),
        Arbitraries.longs().map(String::valueOf));
    // every key independently absent or set, so no generation is spent finding distinct keys
    return Arbitraries.subsetOf(KEYS).flatMap(keys -> values.list().ofSize(keys.size()).map(chosen -> {
      Map<String, String> config = new java.util.HashMap<>();
      java.util.Iterator<String> next = chosen.iterator();
      keys.forEach(key -> config.put(key, next.next()));
      return config;
    }));
  }

  @Property(tries = 10_000, generation = GenerationMode.RANDOMIZED)
  void everyConfigurationIsRefusedNamingTheKeyOrHoldsWhatWasGiven(@ForAll("configs") Map<String, String> given) {
    Properties properties = new Properties();
    given.forEach((key, value) -> properties.setProperty("rocketport.rocketmq." + key, value));
    RocketMqConfig config;
    try {
      config = RocketMqConfig.fromProperties(properties);
    } catch (InvalidArgumentException refused) {
      assertTrue(FIELDS.contains(refused.field()), "names a property: " + refused.field() + " for " + given);
      return;
    }
    assertEquals(given.get("nameServer").trim(), config.nameServer());
    if (given.containsKey("sendRetries")) {
      assertEquals(Integer.parseInt(given.get("sendRetries").trim()), config.sendRetries());
    }
    if (given.containsKey("useTls")) {
      assertEquals(Boolean.parseBoolean(given.get("useTls").trim()), config.useTls());
    }
    if (given.containsKey("namespace")) {
      assertEquals(given.get("namespace").trim(), config.namespace());
    }
  }
}
