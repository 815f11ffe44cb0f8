package dev.rocketport.messaging;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The portable rules for topic and group names: a name valid here is valid on every deployment an
 * adapter can reach. They are RocketMQ's (its legal characters, lengths, reserved names and
 * prefixes) because that is the strictest broker behind the API; the in-memory adapter applies the
 * same rules, so a name a test accepts is one the broker accepts too.
 */
final class Names {
  private static final Pattern LEGAL = Pattern.compile("^[%|a-zA-Z0-9_-]+$");
  static final List<String> RESERVED_PREFIXES = List.of("%RETRY%", "%DLQ%", "RMQ_SYS_", "rmq_sys_", "rocketport-internal-");
  static final List<String> RESERVED_NAMES =
      List.of("TBW102", "SCHEDULE_TOPIC_XXXX", "BenchmarkTest", "OFFSET_MOVED_EVENT", "SELF_TEST_TOPIC",
          "DefaultCluster", "TRANS_CHECK_MAX_TIME_TOPIC");

  /**
   * The group names RocketMQ keeps for its own clients and tools (its {@code MixAll} constants);
   * its client refuses to start with some and the broker treats the others as system groups.
   */
  static final List<String> RESERVED_GROUPS = List.of("DEFAULT_PRODUCER", "DEFAULT_CONSUMER", "TOOLS_CONSUMER",
      "SCHEDULE_CONSUMER", "FILTERSRV_CONSUMER", "__MONITOR_CONSUMER", "CLIENT_INNER_PRODUCER", "SELF_TEST_P_GROUP",
      "SELF_TEST_C_GROUP", "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER", "CID_ONSAPI_PULL");
  /** RocketMQ's limit on a group name's length (its retry and dead-letter topics are named after it). */
  static final int GROUP_MAX_LENGTH = 120;
  /** Prefix of RocketMQ's system consumer groups. */
  static final String RESERVED_GROUP_PREFIX = "CID_RMQ_SYS_";

  private Names() {}

  /** Checks a consumer or producer group name. */
  static String checkGroup(String value, String field) {
    check(value, field, GROUP_MAX_LENGTH);
    if (RESERVED_GROUPS.contains(value) || value.startsWith(RESERVED_GROUP_PREFIX)) {
      throw new InvalidArgumentException(field, "'" + value + "' is a reserved group name (the broker's own groups)");
    }
    return value;
  }

  static String check(String value, String field, int maxLength) {
    InvalidArgumentException.requireNonNull(value, field);
    if (value.isEmpty()) {
      throw new InvalidArgumentException(field, "must not be empty");
    }
    if (value.length() > maxLength) {
      throw new InvalidArgumentException(field, "'" + value + "' is " + value.length()
          + " characters long; at most " + maxLength + " are allowed");
    }
    if (!LEGAL.matcher(value).matches()) {
      throw new InvalidArgumentException(field, "'" + value
          + "' contains illegal characters; only letters, digits, '_', '-', '%' and '|' are allowed");
    }
    for (String prefix : RESERVED_PREFIXES) {
      if (value.startsWith(prefix)) {
        throw new InvalidArgumentException(field, "'" + value + "' uses the reserved prefix '" + prefix + "'");
      }
    }
    if (RESERVED_NAMES.contains(value)) {
      throw new InvalidArgumentException(field, "'" + value + "' is a reserved system name");
    }
    return value;
  }

  /**
   * Throws unless {@code value} is well-formed UTF-16: RocketMQ stores tags, keys and headers as
   * UTF-8, where an unpaired surrogate cannot be written and would arrive as {@code '?'}.
   */
  static void requireWellFormed(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean paired = Character.isHighSurrogate(c) ? i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(++i)) : !Character.isLowSurrogate(c);
      if (!paired) {
        throw new InvalidArgumentException(field, "contains an unpaired surrogate at index " + i
            + " (stored as UTF-8, it would arrive as '?')");
      }
    }
  }

  /**
   * Throws if {@code value} contains a control character (U+0000–U+001F, U+007F–U+009F): RocketMQ
   * separates properties with two of them and trims the rest off its system properties, so a key or
   * tag holding one would not arrive as sent.
   */
  static void requireNoControl(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidArgumentException(field, "contains the control character U+"
            + String.format("%04X", (int) value.charAt(i)) + " at index " + i);
      }
    }
  }
}
