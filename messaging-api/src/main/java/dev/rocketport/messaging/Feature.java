package dev.rocketport.messaging;

/** Optional features an adapter may declare in its {@link Capabilities}. */
public enum Feature {
  SQL_FILTER, BROADCASTING, ORDERLY, TRANSACTIONS, DELAYED_DELIVERY, BATCH_CONSUMPTION, FIND_BY_KEY,
  DEAD_LETTER_REDRIVE
}
