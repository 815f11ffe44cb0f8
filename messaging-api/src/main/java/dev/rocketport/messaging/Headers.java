package dev.rocketport.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rules for user headers (RocketMQ user properties). Names and values must not be blank (RocketMQ
 * refuses blank properties) nor contain unpaired surrogates (stored as UTF-8). A header name must not
 * be one of RocketMQ's system property names (they would be silently overwritten, dropped, refused
 * by the client or change the broker's behaviour; the RocketMQ adapter's tests check this list
 * against the client's own constants) and must not start with {@value #RESERVED_PREFIX} or
 * {@value #SYSTEM_PREFIX}. Names and values must not
 * contain the control characters {@code \u0001} and {@code \u0002}, which RocketMQ uses as
 * separators. Stateless and thread-safe.
 */
public final class Headers {
  /** The media type of a typed payload's body, set by {@link Message.Builder#payload}. */
  public static final String CONTENT_TYPE = "content-type";

  /** Prefix reserved for Rocketport's own headers. */
  public static final String RESERVED_PREFIX = "rocketport.";

  /** RocketMQ's system property names, which user headers may not use. */
  private static final Set<String> RESERVED_NAMES = Set.of(
      "KEYS", "TAGS", "WAIT", "DELAY", "RETRY_TOPIC", "REAL_TOPIC", "REAL_QID", "TRAN_MSG", "PGROUP",
      "MIN_OFFSET", "MAX_OFFSET", "BUYER_ID", "ORIGIN_MESSAGE_ID", "TRANSFER_FLAG", "CORRECTION_FLAG",
      "MQ2_FLAG", "RECONSUME_TIME", "MSG_REGION", "TRACE_ON", "UNIQ_KEY", "MAX_RECONSUME_TIMES",
      "CONSUME_START_TIME", "TRAN_PREPARED_QUEUE_OFFSET", "TRANSACTION_CHECK_TIMES", "CHECK_IMMUNITY_TIME_IN_SECONDS",
      "INSTANCE_ID", "CORRELATION_ID", "REPLY_TO_CLIENT", "TTL", "ARRIVE_TIME", "PUSH_REPLY_TIME", "CLUSTER",
      "MSG_TYPE", "__STARTDELIVERTIME", "SHARDING_KEY", "__SHARDINGKEY", "TIMER_DELIVER_MS", "TIMER_DELAY_SEC",
      "TIMER_DELAY_MS", "TIMER_OUT_MS", "TIMER_ENQUEUE_MS", "TIMER_DEQUEUE_MS", "TIMER_ROLL_TIMES",
      "TIMER_DEL_UNIQKEY", "POP_CK", "POP_CK_OFFSET", "1ST_POP_TIME", "INNER_NUM", "INNER_BASE",
      "INNER_MULTI_DISPATCH", "INNER_MULTI_QUEUE_OFFSET", "TRACE_CONTEXT", "DUP_INFO", "EXTEND_UNIQ_INFO",
      "NAMESPACE_ID", "BORN_TIMESTAMP", "DLQ_ORIGIN_MESSAGE_ID", "DLQ_ORIGIN_TOPIC", "ORIGIN_GROUP",
      "PROPERTY_FORWARD_QUEUE_ID", "REDIRECT", "TIMER_DELAY_LEVEL", "TIMER_ROLL_LABEL", "TRANS_OFFSET",
      "_SYS_MSG_PRIORITY_");

  /** Prefix of RocketMQ's internal and transient properties ({@code __STARTDELIVERTIME}, {@code __RMQ.TRANSIENT.…}). */
  private static final String SYSTEM_PREFIX = "__";

  private Headers() {}

  /** Whether {@code name} is reserved: refused as a header name, and never a user header when received. */
  public static boolean isReserved(String name) {
    return RESERVED_NAMES.contains(name) || name.startsWith(RESERVED_PREFIX) || name.startsWith(SYSTEM_PREFIX);
  }

  /** Validates and copies {@code headers}; throws {@link InvalidArgumentException} naming the bad header. */
  public static Map<String, String> checked(Map<String, String> headers) {
    InvalidArgumentException.requireNonNull(headers, "headers");
    if (headers.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      checkName(name);
      checkValue(name, value);
      copy.put(name, value);
    });
    return Collections.unmodifiableMap(copy);
  }

  static void checkName(String name) {
    if (name == null || isBlank(name)) {
      throw new InvalidArgumentException("header", "names must not be blank (RocketMQ refuses blank property names)");
    }
    if (isReserved(name)) {
      throw new InvalidArgumentException("header '" + name + "'", "is a reserved name");
    }
    Names.requireWellFormed(name, "header '" + name + "'");
    if (hasSeparator(name)) {
      throw new InvalidArgumentException("header '" + name + "'", "name contains a control separator character");
    }
  }

  static void checkValue(String name, String value) {
    checkText("header '" + name + "'", value);
  }

  /** Checks {@code value} of {@code field} by the rules of a header value (it travels as one). */
  static void checkText(String field, String value) {
    if (value == null) {
      throw new InvalidArgumentException(field, "value must not be null");
    }
    if (isBlank(value)) {
      throw new InvalidArgumentException(field, "value must not be blank (RocketMQ refuses blank property values)");
    }
    Names.requireWellFormed(value, field);
    if (hasSeparator(value)) {
      throw new InvalidArgumentException(field, "value contains a control separator character");
    }
  }

  /** Blank as RocketMQ's client judges it: nothing left after trimming every character up to U+0020. */
  private static boolean isBlank(String s) {
    return s.trim().isEmpty();
  }

  private static boolean hasSeparator(String s) {
    return s.indexOf('\u0001') >= 0 || s.indexOf('\u0002') >= 0;
  }
}
