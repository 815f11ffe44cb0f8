package dev.rocketport.messaging.admin;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import java.time.Duration;

/**
 * Why an administrative operation failed. Expected failures are values, as for publishing, and
 * named as there ({@code TopicNotFound}, {@code Timeout}, {@code BrokerUnavailable}, {@code Closed});
 * an argument that can never be valid throws {@link dev.rocketport.messaging.InvalidArgumentException} instead.
 */
public sealed interface AdminFailure {

  String description();

  /** The request exceeds what this adapter or broker allows; {@code field} names what. Nothing was changed. */
  record InvalidRequest(String field, String reason) implements AdminFailure {
    @Override
    public String description() {
      return "invalid request: " + field + ": " + reason;
    }
  }

  record TopicNotFound(Topic topic) implements AdminFailure {
    @Override
    public String description() {
      return "topic '" + topic + "' does not exist";
    }
  }

  record Timeout(Duration timeout, String detail) implements AdminFailure {
    @Override
    public String description() {
      return "no answer within " + timeout.toMillis() + " ms: " + detail;
    }
  }

  record BrokerUnavailable(String detail) implements AdminFailure {
    @Override
    public String description() {
      return "broker unavailable: " + detail;
    }
  }

  /**
   * The broker refused the credentials or found no grant for the operation; {@code detail} is its
   * account, naming the user and the resource. Nothing was changed.
   */
  record AccessDenied(String detail) implements AdminFailure {
    @Override
    public String description() {
      return "access denied: " + detail;
    }
  }

  /** The dead letter is not pending in its group: it was redriven already, or never parked there. Nothing was sent. */
  record NotPending(ConsumerGroup group, String messageId) implements AdminFailure {
    @Override
    public String description() {
      return "message " + messageId + " is not a pending dead letter of group '" + group + "' (redriven already?)";
    }
  }

  record Closed(String detail) implements AdminFailure {
    @Override
    public String description() {
      return "admin closed: " + detail;
    }
  }
}
