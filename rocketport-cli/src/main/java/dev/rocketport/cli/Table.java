package dev.rocketport.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns as wide as their widest cell, cells cut at {@value #MAX_CELL} characters. Not thread-safe. */
final class Table {
  private static final int MAX_CELL = 60;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      String text = String.valueOf(cell).replace('\n', ' ');
      row.add(text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text);
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    line(out, header, widths);
    rows.forEach(row -> line(out, row, widths));
    out.flush();
  }

  private static void line(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      line.append(c == cells.size() - 1 ? cells.get(c) : String.format("%-" + widths[c] + "s  ", cells.get(c)));
    }
    out.println(line.toString().stripTrailing());
  }
}
