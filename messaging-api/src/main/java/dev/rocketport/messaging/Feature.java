package dev.rocketport.messaging;

/**
 * The optional features an adapter may lack, declared in its {@link Capabilities}. Everything else
 * the ports offer is required of every adapter, and the conformance suite checks it; an optional
 * feature is one a wire protocol or a real deployment may not offer. Asking for a missing one throws
 * {@link UnsupportedFeatureException} at once, before anything is sent or received.
 */
public enum Feature {
  /** SQL92 property filters ({@link Filter#sql}); RocketMQ brokers offer them only with {@code enablePropertyFilter=true}. */
  SQL_FILTER,
  /**
   * Broadcasting subscriptions ({@link DeliveryMode#BROADCASTING}). RocketMQ's gRPC protocol has none:
   * its consumers share a group's messages.
   */
  BROADCASTING,
  /** {@link Publisher#sendBatch}: messages of one topic stored in one request. RocketMQ's gRPC client has no batch send. */
  BATCH_SEND,
  /** {@link Requester#request} and replies from handlers. RocketMQ's gRPC protocol has no reply topic. */
  REQUEST_REPLY,
  /**
   * The {@link dev.rocketport.messaging.admin.MessagingAdmin} functions (topics, backlog, dead letters,
   * groups, key lookup). A RocketMQ proxy serves none of them; the gRPC adapter reaches them only
   * through a name server, when one is configured.
   */
  ADMIN
}
