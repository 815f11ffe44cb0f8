package dev.rocketport.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The redrive audit file: one JSON line per step, appended and forced to disk before the next step,
 * so a redrive cut off at any point leaves a true account. For each letter it holds an
 * {@code intent} line before the send and an outcome after it ({@code redriven}, {@code not-pending},
 * {@code failed}), or a single {@code guarded} line when the loop guard held it back; an intent
 * without an outcome names the one letter whose send was under way ({@code dlq show} says whether it
 * is still pending). Not thread-safe; close it.
 */
final class AuditLog implements AutoCloseable {
  /** One line of the file. */
  record Entry(String time, String action, String group, String messageId, String topic, int redrives,
      @Nullable String newMessageId, @Nullable String detail, String by, String cluster) {}

  private final FileChannel file;
  private final String by;
  private final String cluster;

  AuditLog(Path path, String cluster) {
    try {
      this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.USAGE, "cannot open the audit file " + path + ": " + e.getMessage());
    }
    this.by = System.getProperty("user.name", "unknown") + "@" + host();
    this.cluster = cluster;
  }

  void write(String action, LetterView letter, @Nullable String newMessageId, @Nullable String detail) {
    Entry entry = new Entry(Instant.now().toString(), action, letter.group(), letter.messageId(), letter.topic(),
        letter.redrives(), newMessageId, detail, by, cluster);
    try {
      file.write(ByteBuffer.wrap((Json.line(entry) + "\n").getBytes(StandardCharsets.UTF_8)));
      file.force(false);
    } catch (IOException e) {
      // without its audit the redrive must not go on
      throw new CliFailure(ExitCodes.STOPPED, "cannot write the audit file: " + e.getMessage());
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.STOPPED, "cannot close the audit file: " + e.getMessage());
    }
  }
}
