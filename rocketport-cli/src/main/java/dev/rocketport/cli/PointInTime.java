package dev.rocketport.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a point in time as an ISO-8601 instant or date-time with offset ({@code 2026-12-06T10:00:00Z},
 * {@code 2026-12-06T11:00:00+01:00}) or as an age before now ({@code 90s}, {@code 30m}, {@code 2h},
 * {@code 7d}). Thread-safe.
 */
final class PointInTime implements ITypeConverter<Instant> {
  private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhd])");
  private final Clock clock;

  PointInTime() {
    this(Clock.systemUTC());
  }

  PointInTime(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Instant convert(String value) {
    Matcher age = AGE.matcher(value);
    if (age.matches()) {
      long amount = Long.parseLong(age.group(1));
      Duration ago = switch (age.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
      return clock.instant().minus(ago);
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is neither an ISO-8601 time (2026-12-06T10:00:00Z) "
          + "nor an age such as 30m, 2h or 7d");
    }
  }
}
