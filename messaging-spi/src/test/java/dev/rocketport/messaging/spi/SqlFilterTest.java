package dev.rocketport.messaging.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.InvalidArgumentException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlFilterTest {
  private static final Map<String, String> ORDER = Map.of("region", "eu", "amount", "150", "tier", "gold");

  private static boolean matches(String sql, Map<String, String> headers) {
    return SqlFilter.parse(sql).test(headers);
  }

  @Test
  void comparisonsAndLogic() {
    assertTrue(matches("region = 'eu' AND amount > 100", ORDER));
    assertFalse(matches("region = 'eu' AND amount > 200", ORDER));
    assertTrue(matches("region = 'us' OR (amount >= 150 AND NOT tier = 'silver')", ORDER));
    assertTrue(matches("amount BETWEEN 100 AND 200", ORDER));
    assertFalse(matches("amount NOT BETWEEN 100 AND 200", ORDER));
    assertTrue(matches("tier IN ('gold', 'platinum')", ORDER));
    assertTrue(matches("region <> 'us'", ORDER));
    assertTrue(matches("coupon IS NULL AND region IS NOT NULL", ORDER));
    assertTrue(matches("TRUE", Map.of()));
  }

  @Test
  void missingOrNonNumericHeadersNeverMatchAComparison() {
    assertFalse(matches("amount > 1", Map.of()));
    assertFalse(matches("region > 1", ORDER));
    assertFalse(matches("region <> 'eu'", Map.of()));
  }

  @Test
  void malformedExpressionsNameTheFilter() {
    for (String bad : new String[] {"region = ", "region = 'eu", "(amount > 1", "amount >> 1 extra", "region < 'eu'",
        "amount BETWEEN 1", "1 = amount"}) {
      var e = assertThrows(InvalidArgumentException.class, () -> SqlFilter.parse(bad), bad);
      assertEquals("filter", e.field());
    }
  }
}
