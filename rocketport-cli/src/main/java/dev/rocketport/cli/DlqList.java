package dev.rocketport.cli;

import dev.rocketport.messaging.admin.DeadLetter;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dlq list}: the pending dead letters that match, as a table or JSON. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "List pending dead letters.")
final class DlqList implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Mixin
  LetterFilter filter = new LetterFilter();

  @Option(names = "--json", description = "write a JSON array instead of a table")
  boolean json;

  @Spec
  CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    List<DeadLetter> letters = filter.read(cluster);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.document(letters.stream().map(LetterView::of).toList()));
    } else if (letters.isEmpty()) {
      out.println("no pending dead letters match (" + filter.describe() + ")");
    } else {
      Table table = new Table("GROUP", "MESSAGE ID", "TOPIC", "TAG", "KEYS", "ATTEMPTS", "REDRIVES",
          "DEAD-LETTERED", "REASON");
      for (DeadLetter letter : letters) {
        LetterView view = LetterView.of(letter);
        table.row(view.group(), view.messageId(), view.topic(), view.tag() == null ? "-" : view.tag(),
            view.keys().isEmpty() ? "-" : String.join(" ", view.keys()), view.deliveryAttempts(), view.redrives(),
            view.deadLetteredAt(), view.rejectReason() == null ? "-" : view.rejectReason());
      }
      table.print(out);
      out.println(letters.size() + " pending dead letter" + (letters.size() == 1 ? "" : "s"));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
