package dev.rocketport.messaging;

import io.vavr.control.Option;

/**
 * The broker's acknowledgement of one stored message.
 *
 * <p>{@code messageId} is the id subscribers see in {@link ReceivedMessage#messageId()} (RocketMQ's
 * client-generated unique key). {@code queueOffset} is empty where the stored position is not the
 * message's final one (delayed and transactional messages). {@code queueId} and
 * {@code queueOffset} name where the message went among its topic's queues — every adapter has
 * queues, because ordering and consumer-group allocation are defined per queue — and are for
 * diagnostics; nothing in the API takes them back. {@code queueId} is {@link #QUEUE_NOT_REPORTED}
 * where the protocol does not say (RocketMQ's gRPC proxy picks the queue and does not report it).
 * Immutable and thread-safe.
 */
public record SendReceipt(String messageId, Topic topic, int queueId, Option<Long> queueOffset) {
  /** The queue id of a receipt whose protocol does not report the queue. */
  public static final int QUEUE_NOT_REPORTED = -1;

  public SendReceipt {
    InvalidArgumentException.requireNonNull(messageId, "messageId");
    InvalidArgumentException.requireNonNull(topic, "topic");
    InvalidArgumentException.requireNonNull(queueOffset, "queueOffset");
  }
}
