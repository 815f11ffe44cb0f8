package dev.rocketport.messaging;

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
