package dev.rocketport.messaging.admin;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.Backlog;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.messaging.admin.MessagingAdmin;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * Operations: topics, backlog, dead letters and tracing by key. Expected failures are values;
 * invalid arguments throw {@link dev.rocketport.messaging.InvalidArgumentException}. Thread-safe; closed with its
 * {@link dev.rocketport.messaging.Messaging} runtime, after which every call returns {@link AdminFailure.Closed}.
 * An adapter without {@link dev.rocketport.messaging.Feature#ADMIN} throws
 * {@link dev.rocketport.messaging.UnsupportedFeatureException} from every function.
 */
public interface MessagingAdmin {

  /**
   * Creates {@code topic} with {@code queueCount} queues (1–1024), or raises an existing topic's
   * queue count to it; returns once publishers and subscribers can use it.
   */
  Either<AdminFailure, Topic> createTopic(Topic topic, int queueCount);

  /** The consumer group's backlog on {@code topic}. */
  Either<AdminFailure, Backlog> backlog(Topic topic, ConsumerGroup group);

  /** The group's dead letters not yet redriven, oldest first, at most {@code max}. */
  Either<AdminFailure, List<DeadLetter>> deadLetters(ConsumerGroup group, int max);

  /**
   * Republishes the group's dead letters not yet redriven to their original topics, as new
   * messages (new ids, same body, tag, keys and headers), and marks them redriven. Returns how many.
   */
  Either<AdminFailure, Integer> redriveDeadLetters(ConsumerGroup group);

  /**
   * Republishes the one dead letter {@code letter} (as {@link #deadLetters} listed it) to its original
   * topic as a new message, as {@link #redriveDeadLetters} does, and marks it redriven; the letters
   * around it stay. The new message counts one redrive more than the letter
   * ({@link DeadLetter#redrives()}), should it come back. Once this returns, the letter is no longer
   * listed; if the call fails, the letter is either still pending or redriven — never lost, never
   * redriven twice by this operation.
   *
   * @return the new message's receipt; {@link AdminFailure.NotPending} if the letter was redriven
   *     already or is not in its group's dead letters
   */
  Either<AdminFailure, SendReceipt> redrive(DeadLetter letter);

  /**
   * The consumer groups the broker knows (each one that has subscribed; Rocketport's internal groups
   * left out), by name, with the topics each consumes and its members online now. On RocketMQ this
   * asks the brokers about every group: for one group, use {@link #group}.
   */
  Either<AdminFailure, List<GroupSummary>> groups();

  /** The consumer group {@code group} as {@link #groups} describes it; none if the broker does not know it. */
  Either<AdminFailure, Option<GroupSummary>> group(ConsumerGroup group);

  /** Messages stored in {@code topic} carrying {@code key}, oldest first, at most {@code max}. */
  Either<AdminFailure, List<StoredMessage>> findByKey(Topic topic, MessageKey key, int max);
}
