package dev.rocketport.messaging;

import java.util.List;
import java.util.regex.Pattern;

/** Validation rules shared by the resource names RocketMQ accepts (topics and groups). */
final class Names {
  private static final Pattern LEGAL = Pattern.compile("^[%|a-zA-Z0-9_-]+$");
  static final List<String> RESERVED_PREFIXES = List.of("%RETRY%", "%DLQ%", "RMQ_SYS_", "rmq_sys_", "rocketport-internal-");
  static final List<String> RESERVED_NAMES =
      List.of("TBW102", "SCHEDULE_TOPIC_XXXX", "BenchmarkTest", "OFFSET_MOVED_EVENT", "SELF_TEST_TOPIC",
          "DefaultCluster", "TRANS_CHECK_MAX_TIME_TOPIC");

  private Names() {}

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
}
