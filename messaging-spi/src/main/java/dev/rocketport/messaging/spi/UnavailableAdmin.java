package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.UnsupportedFeatureException;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.Backlog;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.messaging.admin.GroupSummary;
import dev.rocketport.messaging.admin.MessagingAdmin;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;

/**
 * The admin port of an adapter without {@link Feature#ADMIN}: every function throws
 * {@link UnsupportedFeatureException} naming itself, and touches nothing. Stateless; thread-safe.
 */
public final class UnavailableAdmin implements MessagingAdmin {
  private final String adapter;

  public UnavailableAdmin(Capabilities capabilities) {
    this.adapter = capabilities.adapter();
  }

  private UnsupportedFeatureException refused(String function) {
    return new UnsupportedFeatureException(Feature.ADMIN, adapter, "MessagingAdmin." + function);
  }

  @Override
  public Either<AdminFailure, Topic> createTopic(Topic topic, int queueCount) {
    throw refused("createTopic");
  }

  @Override
  public Either<AdminFailure, Backlog> backlog(Topic topic, ConsumerGroup group) {
    throw refused("backlog");
  }

  @Override
  public Either<AdminFailure, List<DeadLetter>> deadLetters(ConsumerGroup group, int max) {
    throw refused("deadLetters");
  }

  @Override
  public Either<AdminFailure, Integer> redriveDeadLetters(ConsumerGroup group) {
    throw refused("redriveDeadLetters");
  }

  @Override
  public Either<AdminFailure, SendReceipt> redrive(DeadLetter letter) {
    throw refused("redrive");
  }

  @Override
  public Either<AdminFailure, List<GroupSummary>> groups() {
    throw refused("groups");
  }

  @Override
  public Either<AdminFailure, Option<GroupSummary>> group(ConsumerGroup group) {
    throw refused("group");
  }

  @Override
  public Either<AdminFailure, List<StoredMessage>> findByKey(Topic topic, MessageKey key, int max) {
    throw refused("findByKey");
  }
}
