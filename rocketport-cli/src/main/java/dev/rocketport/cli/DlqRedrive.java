package dev.rocketport.cli;

import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.rocketmq.RocketMqMessaging;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dlq redrive}: republishes the matching letters to their original topics one by one, at a
 * bounded rate, recording each step in the audit file first. A letter redriven {@code --max-redrives}
 * times already is held back unless {@code --force}; {@code --dry-run} shows what would move and
 * moves nothing. The first failure stops the run: every letter is then either still pending or
 * redriven, and the audit file says which.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Republish matching dead letters to their original topics, safely.")
final class DlqRedrive implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Mixin
  LetterFilter filter = new LetterFilter();

  @Option(names = "--dry-run", description = "show what would be redriven; move nothing")
  boolean dryRun;

  @Option(names = "--rate", paramLabel = "PER-SECOND", defaultValue = "50",
      description = "redrive at most this many letters per second (default: ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--max", paramLabel = "N", description = "redrive at most N letters")
  int max = Integer.MAX_VALUE;

  @Option(names = "--max-redrives", paramLabel = "N", defaultValue = "3",
      description = "loop guard: hold back letters already redriven N times (default: ${DEFAULT-VALUE})")
  int maxRedrives;

  @Option(names = "--force", description = "redrive letters the loop guard would hold back")
  boolean force;

  @Option(names = "--audit", paramLabel = "FILE", defaultValue = "rocketport-dlq-audit.jsonl",
      description = "append a JSON line per step to FILE (default: ${DEFAULT-VALUE})")
  Path audit = Path.of("rocketport-dlq-audit.jsonl");

  @Spec
  CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    check();
    PrintWriter out = spec.commandLine().getOut();
    try (RocketMqMessaging messaging = cluster.connect()) {
      List<DeadLetter> matching = filter.select(messaging.admin(), cluster);
      List<DeadLetter> chosen = matching.subList(0, Math.min(max, matching.size()));
      if (chosen.isEmpty()) {
        out.println("no pending dead letters match (" + filter.describe() + "); nothing to redrive");
        return ExitCodes.OK;
      }
      return dryRun ? dryRun(out, chosen) : redrive(out, messaging.admin(), chosen);
    }
  }

  private void check() {
    filter.check();
    if (!(rate > 0)) {
      throw new CliFailure(ExitCodes.USAGE, "--rate must be more than 0, was " + rate);
    }
    if (max < 1) {
      throw new CliFailure(ExitCodes.USAGE, "--max must be positive, was " + max);
    }
    if (maxRedrives < 0) {
      throw new CliFailure(ExitCodes.USAGE, "--max-redrives must not be negative, was " + maxRedrives);
    }
  }

  private boolean guarded(DeadLetter letter) {
    return !force && letter.redrives() >= maxRedrives;
  }

  private int dryRun(PrintWriter out, List<DeadLetter> chosen) {
    Table table = new Table("WOULD", "GROUP", "MESSAGE ID", "TOPIC", "REDRIVES", "REASON");
    int held = 0;
    for (DeadLetter letter : chosen) {
      boolean guard = guarded(letter);
      held += guard ? 1 : 0;
      table.row(guard ? "hold back" : "redrive", letter.group(), letter.messageId(), letter.message().topic(),
          letter.redrives(), letter.rejectReason().getOrElse("-"));
    }
    table.print(out);
    out.println("dry run: would redrive " + (chosen.size() - held) + ", hold back " + held
        + " (redriven " + maxRedrives + " times or more); nothing was moved");
    out.flush();
    return ExitCodes.OK;
  }

  private int redrive(PrintWriter out, MessagingAdmin admin, List<DeadLetter> chosen) {
    Pacer pacer = new Pacer(rate);
    Progress progress = new Progress(spec.commandLine().getErr(), chosen.size());
    int moved = 0;
    int held = 0;
    int gone = 0;
    try (AuditLog log = new AuditLog(audit, cluster.nameServer)) {
      for (DeadLetter letter : chosen) {
        LetterView view = LetterView.of(letter);
        if (guarded(letter)) {
          log.write("guarded", view, null, "redriven " + letter.redrives() + " times; --force redrives it");
          held++;
          continue;
        }
        pacer.await();
        log.write("intent", view, null, null);
        Either<AdminFailure, SendReceipt> result = admin.redrive(letter);
        if (result.isRight()) {
          log.write("redriven", view, result.get().messageId(), null);
          moved++;
        } else if (result.getLeft() instanceof AdminFailure.NotPending) {
          log.write("not-pending", view, null, result.getLeft().description());
          gone++;
        } else {
          log.write("failed", view, null, result.getLeft().description());
          progress.done();
          out.println("redrive stopped at " + letter.messageId() + ": " + result.getLeft().description());
          summary(out, moved, held, gone);
          return ExitCodes.STOPPED;
        }
        progress.at(moved + gone);
      }
    }
    progress.done();
    summary(out, moved, held, gone);
    return held > 0 ? ExitCodes.GUARDED : ExitCodes.OK;
  }

  private void summary(PrintWriter out, int moved, int held, int gone) {
    out.println("redriven " + moved + ", held back by the loop guard " + held + ", no longer pending " + gone
        + "; audit: " + audit.toAbsolutePath());
    out.flush();
  }
}
