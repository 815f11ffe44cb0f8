package dev.rocketport.messaging;

import java.time.Duration;

/** Why a request got no reply. Immutable. */
public sealed interface RequestFailure {

  /** A human-readable account of the failure. */
  String description();

  /** The request could not be published; nothing was sent. */
  record NotSent(PublishFailure cause) implements RequestFailure {
    public NotSent {
      InvalidArgumentException.requireNonNull(cause, "cause");
    }

    @Override
    public String description() {
      return "request not sent: " + cause.description();
    }
  }

  /** No reply arrived within {@code timeout}; a reply arriving later is dropped and counted. */
  record TimedOut(Duration timeout) implements RequestFailure {
    public TimedOut {
      InvalidArgumentException.requireNonNull(timeout, "timeout");
    }

    @Override
    public String description() {
      return "no reply within " + timeout;
    }
  }

  /** The runtime closed while the request waited. */
  record Closed() implements RequestFailure {
    @Override
    public String description() {
      return "the messaging runtime closed before a reply arrived";
    }
  }
}
