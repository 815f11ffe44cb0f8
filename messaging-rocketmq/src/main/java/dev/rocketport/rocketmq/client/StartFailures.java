package dev.rocketport.rocketmq.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure to start a RocketMQ client into the exception Rocketport's API promises: an
 * {@link IllegalStateException} whose message carries the client's account, with no client type
 * attached (not even as the cause: applications depend on the API only). The client's exception is
 * logged, with its stack, for diagnosis. Stateless; thread-safe.
 */
public final class StartFailures {
  private static final Logger LOG = LoggerFactory.getLogger(StartFailures.class);

  private StartFailures() {}

  public static IllegalStateException of(String what, Throwable clientError) {
    LOG.warn("{}", what, clientError);
    return new IllegalStateException(what + ": " + clientError.getClass().getSimpleName() + ": "
        + clientError.getMessage());
  }
}
