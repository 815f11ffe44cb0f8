package dev.rocketport.cli;

import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.Backlog;
import dev.rocketport.messaging.admin.GroupSummary;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.messaging.health.Health;
import dev.rocketport.rocketmq.RocketMqMessaging;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One look at the cluster, as {@code status} prints it: the runtime's health check (name server and
 * broker round trips), then every consumer group with its members online, backlog per topic and
 * queue, and pending dead letters (counted up to {@value #DEAD_LETTER_LIMIT}). Immutable.
 */
record ClusterStatus(String nameServer, String checkedAt, String health, List<Component> components,
    List<Group> groups) {
  static final int DEAD_LETTER_LIMIT = 1000;

  record Component(String name, String status, String detail) {}

  /** {@code backlog} is null, and {@code problem} says why, for a topic that no longer exists. */
  record TopicBacklog(String topic, @Nullable Long backlog, Map<Integer, Long> byQueue, @Nullable String problem) {}

  /** {@code deadLettersAtLeast}: the count reached the limit, there may be more. */
  record Group(String group, int onlineMembers, List<TopicBacklog> topics, int deadLetters,
      boolean deadLettersAtLeast) {}

  static ClusterStatus of(RocketMqMessaging messaging, ClusterOptions cluster) {
    Health health = messaging.healthCheck().check();
    MessagingAdmin admin = messaging.admin();
    List<Group> groups = new ArrayList<>();
    for (GroupSummary summary : cluster.require(admin.groups(), "listing the consumer groups")) {
      List<TopicBacklog> topics = new ArrayList<>();
      for (Topic topic : summary.topics()) {
        Either<AdminFailure, Backlog> backlog = admin.backlog(topic, summary.group());
        if (backlog.isLeft() && backlog.getLeft() instanceof AdminFailure.TopicNotFound) {
          // the group still holds offsets on a topic deleted since: a fact to show, not a reason to stop
          topics.add(new TopicBacklog(topic.name(), null, Map.of(), "topic does not exist"));
        } else {
          Backlog found = cluster.require(backlog, "reading the backlog of " + summary.group() + " on " + topic);
          topics.add(new TopicBacklog(topic.name(), found.total(), found.perQueue(), null));
        }
      }
      int dead = cluster.require(admin.deadLetters(summary.group(), DEAD_LETTER_LIMIT),
          "reading the dead letters of " + summary.group()).size();
      groups.add(new Group(summary.group().name(), summary.onlineMembers(), topics, dead, dead == DEAD_LETTER_LIMIT));
    }
    return new ClusterStatus(cluster.nameServer, health.checkedAt().toString(), health.status().name(),
        health.components().stream().map(c -> new Component(c.name(), c.status().name(), c.detail())).toList(),
        groups);
  }
}
