package dev.rocketport.messaging.interception;

import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.TransactionalPublisher;
import dev.rocketport.messaging.interception.PublishInterceptor;
import dev.rocketport.messaging.interception.PublishMode;

/** Which port and method a publish went through, as {@link PublishInterceptor}s see it. */
public enum PublishMode {
  /** {@link Publisher#send}. */
  SYNC,
  /** {@link Publisher#sendAsync}. */
  ASYNC,
  /** {@link Publisher#sendOneway}. */
  ONEWAY,
  /** One entry of {@link Publisher#sendBatch}. */
  BATCH,
  /** {@link OrderedPublisher#send}. */
  ORDERED,
  /** {@link TransactionalPublisher#sendInTransaction}. */
  TRANSACTIONAL
}
