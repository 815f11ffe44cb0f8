package dev.rocketport.bench;

import java.io.PrintStream;

/** A one-line progress bar on the terminal (standard error), redrawn in place. Not thread-safe. */
final class Progress {
  private final PrintStream out;
  private final int total;
  private int done;

  Progress(PrintStream out, int total) {
    this.out = out;
    this.total = total;
  }

  void show(String what) {
    int width = 30;
    int filled = total == 0 ? width : done * width / total;
    out.printf("\r[%s%s] %3d%% %-60s", "#".repeat(filled), ".".repeat(width - filled),
        total == 0 ? 100 : done * 100 / total, what.length() > 60 ? what.substring(0, 60) : what);
    out.flush();
  }

  void advance(String what) {
    done++;
    show(what);
  }

  void finish() {
    show("done");
    out.println();
  }
}
