package dev.rocketport.cli;

import dev.rocketport.rocketmq.RocketMqMessaging;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: health, groups, backlog and dead letters on one screen; once, or again every interval. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Show the cluster on one screen: name server and broker health, every consumer group with "
        + "its members online, backlog per topic and queue, and pending dead letters."})
final class StatusCommand implements Callable<Integer> {
  private static final String CLEAR_SCREEN = "\033[H\033[2J";

  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Option(names = "--json", description = "write JSON instead of text")
  boolean json;

  @Option(names = "--watch", paramLabel = "SECONDS",
      description = "show it again every SECONDS until interrupted (Ctrl-C)")
  @Nullable Integer watch;

  @Spec
  CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() throws InterruptedException {
    if (watch != null && watch < 1) {
      throw new CliFailure(ExitCodes.USAGE, "--watch must be at least 1 second, was " + watch);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (RocketMqMessaging messaging = cluster.connect()) {
      while (true) {
        ClusterStatus status = ClusterStatus.of(messaging, cluster);
        if (watch != null && System.console() != null) {
          out.print(CLEAR_SCREEN);
        }
        if (json) {
          out.println(Json.document(status));
        } else {
          print(out, status);
        }
        out.flush();
        if (watch == null) {
          return ExitCodes.OK;
        }
        Thread.sleep(Duration.ofSeconds(watch).toMillis());
      }
    }
  }

  private static void print(PrintWriter out, ClusterStatus status) {
    out.println("cluster " + status.nameServer() + " — " + status.health() + " at " + status.checkedAt());
    Table health = new Table("COMPONENT", "STATUS", "DETAIL");
    status.components().forEach(c -> health.row(c.name(), c.status(), c.detail()));
    health.print(out);
    out.println();
    if (status.groups().isEmpty()) {
      out.println("no consumer groups");
      return;
    }
    Table groups = new Table("GROUP", "MEMBERS", "TOPIC", "BACKLOG", "PER QUEUE", "DEAD LETTERS");
    for (ClusterStatus.Group group : status.groups()) {
      String dead = group.deadLetters() + (group.deadLettersAtLeast() ? "+" : "");
      if (group.topics().isEmpty()) {
        groups.row(group.group(), group.onlineMembers(), "-", "-", "-", dead);
      }
      for (ClusterStatus.TopicBacklog topic : group.topics()) {
        String perQueue = topic.byQueue().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
            .collect(Collectors.joining(" "));
        groups.row(group.group(), group.onlineMembers(), topic.topic(),
            topic.backlog() == null ? String.valueOf(topic.problem()) : topic.backlog(), perQueue, dead);
      }
    }
    groups.print(out);
  }
}
