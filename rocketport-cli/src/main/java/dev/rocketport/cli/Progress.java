package dev.rocketport.cli;

import java.io.PrintWriter;

/** A progress bar on the terminal ({@code \r}-redrawn), shown only when one is attached. Not thread-safe. */
final class Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final int total;
  private final boolean shown;

  Progress(PrintWriter err, int total) {
    this.err = err;
    this.total = total;
    this.shown = System.console() != null && total > 1;
  }

  void at(int done) {
    if (!shown) {
      return;
    }
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    err.print("\rredriving [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
    err.flush();
  }

  void done() {
    if (shown) {
      err.println();
    }
  }
}
