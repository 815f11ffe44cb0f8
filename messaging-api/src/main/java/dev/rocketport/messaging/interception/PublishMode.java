package dev.rocketport.messaging.interception;

import dev.rocketport.messaging.interception.PublishMode;

/** Which port and method a publish went through, as {@link dev.rocketport.messaging.interception.PublishInterceptor}s see it. */
public enum PublishMode {
  /** {@link dev.rocketport.messaging.Publisher#send}. */
  SYNC,
  /** {@link dev.rocketport.messaging.Publisher#sendAsync}. */
  ASYNC,
  /** {@link dev.rocketport.messaging.Publisher#sendOneway}. */
  ONEWAY,
  /** One entry of {@link dev.rocketport.messaging.Publisher#sendBatch}. */
  BATCH,
  /** {@link dev.rocketport.messaging.OrderedPublisher#send}. */
  ORDERED,
  /** {@link dev.rocketport.messaging.TransactionalPublisher#sendInTransaction}. */
  TRANSACTIONAL
}
