package dev.rocketport.inmemory;

import dev.rocketport.inmemory.broker.Broker;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.Backlog;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.messaging.admin.GroupSummary;
import dev.rocketport.messaging.spi.AbstractAdmin;
import dev.rocketport.messaging.spi.AdapterContext;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * The in-memory {@link dev.rocketport.messaging.admin.MessagingAdmin}: after {@link AbstractAdmin}'s checks, reads and changes the
 * broker's state directly. Thread-safe.
 */
final class InMemoryAdmin extends AbstractAdmin {
  private final Broker broker;

  InMemoryAdmin(AdapterContext context, Broker broker) {
    super(context);
    this.broker = broker;
  }

  @Override
  protected Either<AdminFailure, Topic> doCreateTopic(Topic topic, int queueCount) {
    broker.createTopic(topic.name(), queueCount);
    return Either.right(topic);
  }

  @Override
  protected Either<AdminFailure, Backlog> doBacklog(Topic topic, ConsumerGroup group) {
    return existing(topic).map(t -> new Backlog(topic, group, broker.lag(topic.name(), group.name())));
  }

  @Override
  protected Either<AdminFailure, List<DeadLetter>> doDeadLetters(ConsumerGroup group, int max) {
    List<DeadLetter> pending = broker.deadLetters().pending(group.name());
    return Either.right(List.copyOf(pending.subList(0, Math.min(max, pending.size()))));
  }

  @Override
  protected Either<AdminFailure, Integer> doRedriveDeadLetters(ConsumerGroup group) {
    return Either.right(broker.deadLetters().redriveAll(group.name()));
  }

  @Override
  protected Either<AdminFailure, SendReceipt> doRedrive(DeadLetter letter) {
    return broker.deadLetters().redrive(letter).toEither(() -> new AdminFailure.NotPending(letter.group(), letter.messageId()));
  }

  @Override
  protected Either<AdminFailure, List<GroupSummary>> doGroups() {
    return Either.right(broker.groups());
  }

  @Override
  protected Either<AdminFailure, Option<GroupSummary>> doGroup(ConsumerGroup group) {
    return Either.right(Option.ofOptional(broker.groups().stream().filter(g -> g.group().equals(group)).findFirst()));
  }

  @Override
  protected Either<AdminFailure, List<StoredMessage>> doFindByKey(Topic topic, MessageKey key, int max) {
    return existing(topic).map(t -> broker.findByKey(topic.name(), key, max));
  }

  private Either<AdminFailure, Topic> existing(Topic topic) {
    return broker.topicExists(topic.name()) ? Either.right(topic) : Either.left(new AdminFailure.TopicNotFound(topic));
  }
}
