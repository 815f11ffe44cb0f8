package dev.rocketport.outbox;

import dev.rocketport.messaging.InvalidArgumentException;
import java.util.regex.Pattern;

/**
 * A configurable table name, checked to be a plain SQL identifier (letters, digits, underscores, at
 * most 48 characters so that index names derived from it fit every database), since it is written
 * into statements. Immutable.
 */
public record TableName(String name) {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");

  public TableName {
    InvalidArgumentException.requireNonNull(name, "table");
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new InvalidArgumentException("table", "'" + name + "' is not a plain SQL identifier of at most 48 "
          + "characters (letters, digits, underscores)");
    }
  }

  public static TableName of(String name) {
    return new TableName(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
