package dev.rocketport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class PointInTimeTest {
  private final Instant now = Instant.parse("2026-12-06T12:00:00Z");
  private final PointInTime parse = new PointInTime(Clock.fixed(now, ZoneOffset.UTC));

  @Test
  void readsIsoTimesAndAges() {
    assertEquals(Instant.parse("2026-12-06T10:00:00Z"), parse.convert("2026-12-06T10:00:00Z"));
    assertEquals(Instant.parse("2026-12-06T10:00:00Z"), parse.convert("2026-12-06T11:00:00+01:00"));
    assertEquals(now.minusSeconds(90), parse.convert("90s"));
    assertEquals(now.minusSeconds(30 * 60), parse.convert("30m"));
    assertEquals(now.minusSeconds(2 * 3600), parse.convert("2h"));
    assertEquals(now.minusSeconds(7 * 86400), parse.convert("7d"));
  }

  @Test
  void refusesWhatIsNeitherNamingBothForms() {
    for (String bad : new String[] {"yesterday", "2h30m", "-2h", "2026-12-06", ""}) {
      String message = assertThrows(TypeConversionException.class, () -> parse.convert(bad)).getMessage();
      assertTrue(message.contains("ISO-8601") && message.contains("30m"), message);
    }
  }
}
