package dev.rocketport.messaging;

import io.vavr.control.Either;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Publishes messages to topics: synchronously, asynchronously, one-way, and in batches. Delayed
 * delivery is a property of the {@link Message} ({@link Message.Builder#deliverAfter}).
 *
 * <p><b>Delivery guarantee.</b> A {@code Right(receipt)} means the broker stored the message
 * (durable as far as the broker's flush policy makes it). A {@code Left} names why not; see
 * {@link PublishFailure#outcomeUnknown()} for the cases where the message may still have been
 * stored. Nothing is ever reported as sent that was not.
 *
 * <p><b>Errors.</b> Expected failures (invalid, too large, unknown topic, timeout, broker down,
 * closed) are values. Null arguments throw {@link InvalidArgumentException} at once.
 *
 * <p><b>Thread-safety.</b> Safe for concurrent use by any number of threads.
 *
 * <p><b>Close.</b> Publishers are owned by their {@link Messaging} runtime: closing it first waits
 * for in-flight asynchronous sends (up to its close timeout), then refuses new sends with
 * {@link PublishFailure.Closed}.
 */
public interface Publisher {

  /** Sends and waits for the broker's answer, at most the adapter's send timeout. */
  Either<PublishFailure, SendReceipt> send(Message message);

  /**
   * Sends without waiting. The stage always completes normally, with the same value {@link #send}
   * would return. In-flight sends are bounded: when the bound is reached the caller blocks until a
   * slot frees up, at most the send timeout, then gets {@link PublishFailure.Timeout} — there is no
   * unbounded queue. Callbacks run on adapter threads; do not block in them.
   */
  CompletionStage<Either<PublishFailure, SendReceipt>> sendAsync(Message message);

  /**
   * Sends without any acknowledgement. <b>May lose the message</b> without telling anyone; use it
   * only for data whose loss is acceptable (metrics, logs). Validation still happens first: the
   * result is the failure that kept it from being sent, or {@link Dispatched} once it was handed to
   * the network.
   */
  Either<PublishFailure, Dispatched> sendOneway(Message message);

  /**
   * Sends messages of <em>one</em> topic as batches, split automatically so that no batch exceeds
   * the size limit. Each message gets its own result. An entry that is invalid or too large fails
   * alone; the others are sent. A list that mixes topics or contains delayed messages is rejected
   * whole: every entry fails with {@link PublishFailure.InvalidMessage} and nothing is sent. An
   * empty list throws {@link InvalidArgumentException}. An adapter without {@link Feature#BATCH_SEND}
   * throws {@link UnsupportedFeatureException} and sends nothing.
   */
  BatchResult sendBatch(List<Message> messages);
}
