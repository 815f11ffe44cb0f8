package dev.rocketport.messaging;

import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.messaging.health.HealthCheck;

/**
 * One adapter's runtime: the entry point that hands out every port and owns their resources.
 * Obtain one from an adapter (or its Guice module); application code then uses the ports only.
 *
 * <p>Thread-safe. {@link #close()} is idempotent and ordered: subscriptions stop and wait for
 * in-flight handlers, asynchronous sends are drained, then publishers and admin are closed. After
 * close, publishing returns {@link PublishFailure.Closed}, waiting requests complete with
 * {@link RequestFailure.Closed}, subscribing and asking for a new
 * transactional publisher throw {@link IllegalStateException}, admin calls return
 * {@link dev.rocketport.messaging.admin.AdminFailure.Closed}. {@code close()} itself does not throw.
 */
public interface Messaging extends AutoCloseable {

  Publisher publisher();

  OrderedPublisher orderedPublisher();

  /**
   * A publisher for transactions of {@code group}; {@code checker} answers the broker's check-backs
   * for that group. One checker per group per runtime: asking again for the same group returns the
   * same publisher if the checker is the same, and throws {@link IllegalStateException} otherwise.
   */
  TransactionalPublisher transactionalPublisher(ProducerGroup group, TransactionChecker checker);

  Subscriber subscriber();

  /** Request-reply: requests answered by subscribers' handlers ({@link HandlerResult#reply}). */
  Requester requester();

  MessagingAdmin admin();

  Capabilities capabilities();

  /** The runtime's health check (works after close too: then it reports the runtime down). */
  HealthCheck healthCheck();

  @Override
  void close();
}
