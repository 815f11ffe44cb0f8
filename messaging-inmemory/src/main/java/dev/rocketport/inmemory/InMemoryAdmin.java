package dev.rocketport.inmemory;

import dev.rocketport.messaging.AdminFailure;
import dev.rocketport.messaging.Backlog;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.DeadLetter;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.MessagingAdmin;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The in-memory {@link MessagingAdmin}: reads and changes the broker's state directly. Thread-safe. */
final class InMemoryAdmin implements MessagingAdmin {
  static final int MAX_QUEUES = 1024;

  private final Broker broker;
  private final BooleanSupplier closed;

  InMemoryAdmin(Broker broker, BooleanSupplier closed) {
    this.broker = broker;
    this.closed = closed;
  }

  @Override
  public Either<AdminFailure, Topic> createTopic(Topic topic, int queueCount) {
    require(topic, "topic");
    if (queueCount < 1) {
      throw new InvalidArgumentException("queueCount", "must be positive, was " + queueCount);
    }
    if (queueCount > MAX_QUEUES) {
      return Either.left(new AdminFailure.InvalidRequest("queueCount", "at most " + MAX_QUEUES + ", was " + queueCount));
    }
    return open().map(ok -> {
      broker.createTopic(topic.name(), queueCount);
      return topic;
    });
  }

  @Override
  public Either<AdminFailure, Backlog> backlog(Topic topic, ConsumerGroup group) {
    require(topic, "topic");
    require(group, "group");
    return existing(topic).map(t -> {
      broker.lock.lock();
      try {
        ConsumerGroupState state = broker.existingGroup(group.name());
        Map<Integer, Long> lag = new LinkedHashMap<>();
        for (int q = 0; q < broker.queueCount(topic.name()); q++) {
          QueueRef ref = new QueueRef(topic.name(), q);
          long committed = state == null ? 0 : state.committedOffset(ref);
          lag.put(q, broker.log(ref).maxOffset() - committed);
        }
        return new Backlog(topic, group, lag);
      } finally {
        broker.lock.unlock();
      }
    });
  }

  @Override
  public Either<AdminFailure, List<DeadLetter>> deadLetters(ConsumerGroup group, int max) {
    require(group, "group");
    requirePositive(max);
    return open().map(ok -> {
      List<DeadLetter> pending = broker.pendingDeadLetters(group.name());
      return List.copyOf(pending.subList(0, Math.min(max, pending.size())));
    });
  }

  @Override
  public Either<AdminFailure, Integer> redriveDeadLetters(ConsumerGroup group) {
    require(group, "group");
    return open().map(ok -> {
      broker.lock.lock();
      try {
        List<DeadLetter> pending = broker.pendingDeadLetters(group.name());
        for (DeadLetter letter : pending) {
          var message = letter.message();
          String topic = message.topic().name();
          String id = Broker.newMessageId();
          broker.append(new QueueRef(topic, broker.selectQueue(topic)), message, id, broker.now(), 0);
          broker.journal.record(broker.now(), letter.stored().messageId(), Journal.Kind.REDRIVEN, "as " + id);
        }
        broker.markRedriven(group.name(), pending.size());
        return pending.size();
      } finally {
        broker.lock.unlock();
      }
    });
  }

  @Override
  public Either<AdminFailure, List<StoredMessage>> findByKey(Topic topic, MessageKey key, int max) {
    require(topic, "topic");
    require(key, "key");
    requirePositive(max);
    return existing(topic).map(t -> broker.findByKey(topic.name(), key, max).stream()
        .map(StoredEntry::stored).toList());
  }

  private Either<AdminFailure, Boolean> open() {
    return closed.getAsBoolean() ? Either.left(new AdminFailure.Closed("the messaging runtime is closed"))
        : Either.right(true);
  }

  private Either<AdminFailure, Topic> existing(Topic topic) {
    return open().flatMap(ok -> broker.topicExists(topic.name()) ? Either.right(topic)
        : Either.left(new AdminFailure.TopicNotFound(topic)));
  }

  private static void require(Object value, String field) {
    if (value == null) {
      throw new InvalidArgumentException(field, "must not be null");
    }
  }

  private static void requirePositive(int max) {
    if (max < 1) {
      throw new InvalidArgumentException("max", "must be positive, was " + max);
    }
  }
}
