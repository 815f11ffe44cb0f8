package dev.rocketport.messaging;

/**
 * How a consumer group shares a topic. {@code CLUSTERING}: the group's members split the queues,
 * each message is handled by one member (at least once), failures are retried and dead-lettered.
 * {@code BROADCASTING}: every member handles every message; a failed message is <em>not</em>
 * redelivered (RocketMQ semantics), it is dropped and logged.
 */
public enum DeliveryMode {
  CLUSTERING, BROADCASTING
}
