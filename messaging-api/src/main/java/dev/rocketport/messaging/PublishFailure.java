package dev.rocketport.messaging;

import java.time.Duration;

/**
 * Why a publish did not happen. Expected failures are values, never exceptions: every publishing
 * port returns them inside an {@code Either}. Unless the failure says otherwise
 * ({@link #outcomeUnknown()}), the message was <em>not</em> stored. {@link Timeout},
 * {@link NotDurable} and most {@link BrokerUnavailable} failures are the exceptions: the outcome is
 * unknown, the message may have been stored, and a retry may duplicate it.
 */
public sealed interface PublishFailure {

  /** A human-readable account naming what went wrong. */
  String description();

  /** True if the message may nevertheless have been stored (unknown outcome). */
  default boolean outcomeUnknown() {
    return false;
  }

  /** The message breaks a rule of this port or adapter; {@code field} names what was wrong. Nothing was sent. */
  record InvalidMessage(String field, String reason) implements PublishFailure {
    @Override
    public String description() {
      return "invalid message: " + field + ": " + reason;
    }
  }

  /** The message is larger than the adapter's limit. Nothing was sent. */
  record MessageTooLarge(int size, int limit) implements PublishFailure {
    @Override
    public String description() {
      return "message body is " + size + " bytes; the limit is " + limit + " bytes";
    }
  }

  /** The topic does not exist (create it with {@link dev.rocketport.messaging.admin.MessagingAdmin#createTopic}). Nothing was stored. */
  record TopicNotFound(Topic topic) implements PublishFailure {
    @Override
    public String description() {
      return "topic '" + topic + "' does not exist";
    }
  }

  /** No answer within {@code timeout}; the outcome is unknown. */
  record Timeout(Duration timeout, String detail) implements PublishFailure {
    @Override
    public String description() {
      return "no answer within " + timeout.toMillis() + " ms: " + detail;
    }

    @Override
    public boolean outcomeUnknown() {
      return true;
    }
  }

  /**
   * The broker or name server could not be reached, or failed mid-request. {@code outcomeUnknown}
   * says which: false only when no request can have left (no connection to the broker was made, or
   * no broker was known to send to), so nothing was stored; true when the request may have reached
   * the broker, which may have stored the message.
   */
  record BrokerUnavailable(String detail, boolean outcomeUnknown) implements PublishFailure {
    /** A failure whose request may have reached the broker: the outcome is unknown. */
    public BrokerUnavailable(String detail) {
      this(detail, true);
    }

    /** A failure before any request could leave: nothing was stored. */
    public static BrokerUnavailable unreached(String detail) {
      return new BrokerUnavailable(detail, false);
    }

    @Override
    public String description() {
      return (outcomeUnknown ? "broker unavailable: " : "broker unreachable, nothing sent: ") + detail;
    }
  }

  /**
   * The broker answered but did not store the message as required (for RocketMQ: any status but
   * {@code SEND_OK}, or a refusal such as "system busy"). {@code code} is the broker's word for it.
   */
  record Rejected(String code, String detail) implements PublishFailure {
    @Override
    public String description() {
      return "rejected by the broker (" + code + "): " + detail;
    }
  }

  /**
   * The broker stored the message but could not make it as durable as configured (RocketMQ's
   * {@code FLUSH_DISK_TIMEOUT}, {@code FLUSH_SLAVE_TIMEOUT}, {@code SLAVE_NOT_AVAILABLE}). It may be
   * delivered; it may be lost if the broker fails now.
   */
  record NotDurable(String status) implements PublishFailure {
    @Override
    public String description() {
      return "stored but not durable: " + status;
    }

    @Override
    public boolean outcomeUnknown() {
      return true;
    }
  }

  /**
   * The broker refused the credentials (authentication) or found no grant for this publish
   * (authorization); {@code detail} is the broker's account, naming the user and the resource it
   * denied. Nothing was stored, and resending will not help until the credentials or grants change.
   */
  record AccessDenied(Topic topic, String detail) implements PublishFailure {
    @Override
    public String description() {
      return "access to topic '" + topic + "' denied: " + detail;
    }
  }

  /** The publisher was closed before the message was sent. Nothing was sent. */
  record Closed(String detail) implements PublishFailure {
    @Override
    public String description() {
      return "publisher closed: " + detail;
    }
  }

  /** A {@link dev.rocketport.messaging.interception.PublishInterceptor} refused the message ({@code by} names it). Nothing was sent. */
  record Refused(String by, String reason) implements PublishFailure {
    @Override
    public String description() {
      return "refused by " + by + ": " + reason;
    }
  }
}
