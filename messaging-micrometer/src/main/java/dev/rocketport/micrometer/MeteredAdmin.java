package dev.rocketport.micrometer;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.Backlog;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.messaging.admin.GroupSummary;
import dev.rocketport.messaging.admin.MessagingAdmin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * A {@link MessagingAdmin} that counts redriven dead letters in {@value #REDRIVES} (tag {@code group})
 * and otherwise does what the admin it wraps does. Thread-safe as that one is.
 */
final class MeteredAdmin implements MessagingAdmin {
  static final String REDRIVES = "rocketport.dead.letters.redriven";

  private final MessagingAdmin admin;
  private final MeterRegistry registry;

  MeteredAdmin(MessagingAdmin admin, MeterRegistry registry) {
    this.admin = admin;
    this.registry = registry;
  }

  @Override
  public Either<AdminFailure, Integer> redriveDeadLetters(ConsumerGroup group) {
    Either<AdminFailure, Integer> redriven = admin.redriveDeadLetters(group);
    redriven.forEach(count -> count(group, count));
    return redriven;
  }

  @Override
  public Either<AdminFailure, SendReceipt> redrive(DeadLetter letter) {
    Either<AdminFailure, SendReceipt> redriven = admin.redrive(letter);
    redriven.forEach(receipt -> count(letter.group(), 1));
    return redriven;
  }

  private void count(ConsumerGroup group, int letters) {
    Counter.builder(REDRIVES).description("dead letters republished to their topics").tag("group", group.name())
        .register(registry).increment(letters);
  }

  @Override
  public Either<AdminFailure, List<GroupSummary>> groups() {
    return admin.groups();
  }

  @Override
  public Either<AdminFailure, Option<GroupSummary>> group(ConsumerGroup group) {
    return admin.group(group);
  }

  @Override
  public Either<AdminFailure, Topic> createTopic(Topic topic, int queueCount) {
    return admin.createTopic(topic, queueCount);
  }

  @Override
  public Either<AdminFailure, Backlog> backlog(Topic topic, ConsumerGroup group) {
    return admin.backlog(topic, group);
  }

  @Override
  public Either<AdminFailure, List<DeadLetter>> deadLetters(ConsumerGroup group, int max) {
    return admin.deadLetters(group, max);
  }

  @Override
  public Either<AdminFailure, List<StoredMessage>> findByKey(Topic topic, MessageKey key, int max) {
    return admin.findByKey(topic, key, max);
  }
}
