package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.Backlog;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.messaging.admin.GroupSummary;
import dev.rocketport.messaging.admin.MessagingAdmin;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The base of an adapter's {@link MessagingAdmin}: checks every argument (a null or never-valid one
 * throws {@link InvalidArgumentException}; a queue count beyond {@link #MAX_QUEUES} is
 * {@link AdminFailure.InvalidRequest}) and refuses calls once the runtime is closed
 * ({@link AdminFailure.Closed}) before the adapter's {@code do…} method runs. Subclasses must be
 * thread-safe and report broker conditions as values.
 */
public abstract class AbstractAdmin implements MessagingAdmin {
  /** The most queues a topic may have. */
  public static final int MAX_QUEUES = 1024;

  private final BooleanSupplier closed;

  /** Calls answer {@link AdminFailure.Closed} once the context's runtime is closed. */
  protected AbstractAdmin(AdapterContext context) {
    this.closed = context.closed();
  }

  @Override
  public final Either<AdminFailure, Topic> createTopic(Topic topic, int queueCount) {
    InvalidArgumentException.requireNonNull(topic, "topic");
    if (queueCount < 1) {
      throw new InvalidArgumentException("queueCount", "must be positive, was " + queueCount);
    }
    if (queueCount > MAX_QUEUES) {
      return Either.left(new AdminFailure.InvalidRequest("queueCount", "at most " + MAX_QUEUES + ", was " + queueCount));
    }
    return ifOpen(() -> doCreateTopic(topic, queueCount));
  }

  @Override
  public final Either<AdminFailure, Backlog> backlog(Topic topic, ConsumerGroup group) {
    InvalidArgumentException.requireNonNull(topic, "topic");
    InvalidArgumentException.requireNonNull(group, "group");
    return ifOpen(() -> doBacklog(topic, group));
  }

  @Override
  public final Either<AdminFailure, List<DeadLetter>> deadLetters(ConsumerGroup group, int max) {
    InvalidArgumentException.requireNonNull(group, "group");
    positive(max);
    return ifOpen(() -> doDeadLetters(group, max));
  }

  @Override
  public final Either<AdminFailure, Integer> redriveDeadLetters(ConsumerGroup group) {
    InvalidArgumentException.requireNonNull(group, "group");
    return ifOpen(() -> doRedriveDeadLetters(group));
  }

  @Override
  public final Either<AdminFailure, SendReceipt> redrive(DeadLetter letter) {
    InvalidArgumentException.requireNonNull(letter, "letter");
    return ifOpen(() -> doRedrive(letter));
  }

  @Override
  public final Either<AdminFailure, List<GroupSummary>> groups() {
    return ifOpen(this::doGroups);
  }

  @Override
  public final Either<AdminFailure, Option<GroupSummary>> group(ConsumerGroup group) {
    InvalidArgumentException.requireNonNull(group, "group");
    return ifOpen(() -> doGroup(group));
  }

  @Override
  public final Either<AdminFailure, List<StoredMessage>> findByKey(Topic topic, MessageKey key, int max) {
    InvalidArgumentException.requireNonNull(topic, "topic");
    InvalidArgumentException.requireNonNull(key, "key");
    positive(max);
    return ifOpen(() -> doFindByKey(topic, key, max));
  }

  private <T> Either<AdminFailure, T> ifOpen(Supplier<Either<AdminFailure, T>> call) {
    return closed.getAsBoolean() ? Either.left(new AdminFailure.Closed("the messaging runtime is closed")) : call.get();
  }

  private static void positive(int max) {
    if (max < 1) {
      throw new InvalidArgumentException("max", "must be positive, was " + max);
    }
  }

  /** {@link #createTopic} with a queue count of 1–{@link #MAX_QUEUES}. */
  protected abstract Either<AdminFailure, Topic> doCreateTopic(Topic topic, int queueCount);

  protected abstract Either<AdminFailure, Backlog> doBacklog(Topic topic, ConsumerGroup group);

  /** {@link #deadLetters} with a positive {@code max}. */
  protected abstract Either<AdminFailure, List<DeadLetter>> doDeadLetters(ConsumerGroup group, int max);

  protected abstract Either<AdminFailure, Integer> doRedriveDeadLetters(ConsumerGroup group);

  protected abstract Either<AdminFailure, SendReceipt> doRedrive(DeadLetter letter);

  protected abstract Either<AdminFailure, List<GroupSummary>> doGroups();

  protected abstract Either<AdminFailure, Option<GroupSummary>> doGroup(ConsumerGroup group);

  /** {@link #findByKey} with a positive {@code max}. */
  protected abstract Either<AdminFailure, List<StoredMessage>> doFindByKey(Topic topic, MessageKey key, int max);
}
