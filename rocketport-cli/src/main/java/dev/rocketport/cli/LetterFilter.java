package dev.rocketport.cli;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.Tag;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.messaging.admin.GroupSummary;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Which dead letters a command works on: groups (all the cluster knows by default), original topic,
 * key, tag, when they were dead-lettered, and the handler's reject reason. Letters are read oldest
 * first, at most {@code --scan} per group.
 */
final class LetterFilter {
  @Option(names = "--group", paramLabel = "GROUP", description = "a consumer group (repeatable; default: every group)")
  List<String> groups = new ArrayList<>();

  @Option(names = "--topic", paramLabel = "TOPIC", description = "only letters first published to this topic")
  @Nullable String topic;

  @Option(names = "--key", paramLabel = "KEY", description = "only letters carrying this message key")
  @Nullable String key;

  @Option(names = "--tag", paramLabel = "TAG", description = "only letters with this tag")
  @Nullable String tag;

  @Option(names = "--since", paramLabel = "TIME", converter = PointInTime.class,
      description = "only letters dead-lettered at or after TIME (ISO-8601, or an age: 30m, 2h, 7d)")
  @Nullable Instant since;

  @Option(names = "--until", paramLabel = "TIME", converter = PointInTime.class,
      description = "only letters dead-lettered before TIME (ISO-8601, or an age: 30m, 2h, 7d)")
  @Nullable Instant until;

  @Option(names = "--reason", paramLabel = "TEXT", description = "only letters whose reject reason contains TEXT")
  @Nullable String reason;

  @Option(names = "--scan", paramLabel = "N", defaultValue = "10000",
      description = "read at most N pending letters per group (default: ${DEFAULT-VALUE})")
  int scan;

  /** Checks the filters, then reads the letters that pass from the cluster (connecting for this alone). */
  List<DeadLetter> read(ClusterOptions cluster) {
    check();
    try (RocketMqMessaging messaging = cluster.connect()) {
      return select(messaging.admin(), cluster);
    }
  }

  /** The letters that pass, oldest first within each group; {@link #check()} the filters first. */
  List<DeadLetter> select(MessagingAdmin admin, ClusterOptions cluster) {
    List<DeadLetter> selected = new ArrayList<>();
    for (ConsumerGroup group : groups(admin, cluster)) {
      for (DeadLetter letter : cluster.require(admin.deadLetters(group, scan), "reading the dead letters of " + group)) {
        if (matches(letter)) {
          selected.add(letter);
        }
      }
    }
    return selected;
  }

  /** The filters in words, for the messages that say nothing matched. */
  String describe() {
    List<String> parts = new ArrayList<>();
    parts.add(groups.isEmpty() ? "every group" : "group " + String.join(", ", groups));
    if (topic != null) {
      parts.add("topic " + topic);
    }
    if (key != null) {
      parts.add("key " + key);
    }
    if (tag != null) {
      parts.add("tag " + tag);
    }
    if (since != null) {
      parts.add("since " + since);
    }
    if (until != null) {
      parts.add("until " + until);
    }
    if (reason != null) {
      parts.add("reason containing '" + reason + "'");
    }
    return String.join(", ", parts);
  }

  /** Ends the command with {@link ExitCodes#USAGE} if a filter can never match; before connecting. */
  void check() {
    try {
      groups.forEach(ConsumerGroup::of);
      if (topic != null) {
        Topic.of(topic);
      }
      if (key != null) {
        MessageKey.of(key);
      }
      if (tag != null) {
        Tag.of(tag);
      }
    } catch (InvalidArgumentException e) {
      throw new CliFailure(ExitCodes.USAGE, "invalid " + e.field() + ": " + e.problem());
    }
    if (scan < 1) {
      throw new CliFailure(ExitCodes.USAGE, "--scan must be positive, was " + scan);
    }
    if (since != null && until != null && !since.isBefore(until)) {
      throw new CliFailure(ExitCodes.USAGE, "--since (" + since + ") must be before --until (" + until + ")");
    }
  }

  private List<ConsumerGroup> groups(MessagingAdmin admin, ClusterOptions cluster) {
    if (!groups.isEmpty()) {
      return groups.stream().map(ConsumerGroup::of).toList();
    }
    return cluster.require(admin.groups(), "listing the consumer groups").stream().map(GroupSummary::group).toList();
  }

  private boolean matches(DeadLetter letter) {
    Instant at = letter.stored().storeTime();
    return (topic == null || letter.message().topic().name().equals(topic))
        && (key == null || letter.message().keys().contains(MessageKey.of(key)))
        && (tag == null || letter.message().tag().exists(t -> t.name().equals(tag)))
        && (since == null || !at.isBefore(since))
        && (until == null || at.isBefore(until))
        && (reason == null || letter.rejectReason().exists(r -> r.contains(reason)));
  }
}
