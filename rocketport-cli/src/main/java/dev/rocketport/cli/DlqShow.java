package dev.rocketport.cli;

import dev.rocketport.messaging.admin.DeadLetter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dlq show}: one pending dead letter in full — keys, headers, reason and body. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Show one pending dead letter in full, body included.")
final class DlqShow implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster = new ClusterOptions();

  @Mixin
  LetterFilter filter = new LetterFilter();

  @Parameters(paramLabel = "MESSAGE-ID", description = "the letter's message id, as dlq list shows it")
  String messageId = "";

  @Option(names = "--json", description = "write JSON instead of text")
  boolean json;

  @Spec
  CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    List<DeadLetter> found = filter.read(cluster).stream().filter(l -> l.messageId().equals(messageId)).toList();
    if (found.isEmpty()) {
      throw new CliFailure(ExitCodes.NOT_FOUND, "no pending dead letter " + messageId + " (" + filter.describe()
          + "); it may have been redriven");
    }
    PrintWriter out = spec.commandLine().getOut();
    for (DeadLetter letter : found) {
      LetterView view = LetterView.of(letter);
      if (json) {
        out.println(Json.document(view));
      } else {
        print(out, view);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, LetterView view) {
    out.println("message id       " + view.messageId());
    out.println("group            " + view.group());
    out.println("topic            " + view.topic());
    out.println("tag              " + (view.tag() == null ? "-" : view.tag()));
    out.println("keys             " + (view.keys().isEmpty() ? "-" : String.join(" ", view.keys())));
    for (Map.Entry<String, String> header : view.headers().entrySet()) {
      out.println("header           " + header.getKey() + ": " + header.getValue());
    }
    out.println("born             " + view.bornAt());
    out.println("dead-lettered    " + view.deadLetteredAt());
    out.println("attempts         " + view.deliveryAttempts());
    out.println("redrives         " + view.redrives());
    out.println("reject reason    " + (view.rejectReason() == null ? "-" : view.rejectReason()));
    out.println("body             " + view.bodyBytes() + " bytes, " + view.bodyEncoding());
    out.println(view.body());
  }
}
