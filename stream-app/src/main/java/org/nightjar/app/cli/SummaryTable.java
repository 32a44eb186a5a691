package org.nightjar.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A two-column table for terminal summaries. */
final class SummaryTable {
  private final List<String[]> rows = new ArrayList<>();

  SummaryTable row(String label, Object value) {
    rows.add(new String[] {label, String.valueOf(value)});
    return this;
  }

  SummaryTable rule() {
    rows.add(null);
    return this;
  }

  void print(PrintStream out) {
    int left = rows.stream().filter(r -> r != null).mapToInt(r -> r[0].length()).max().orElse(10);
    int right = rows.stream().filter(r -> r != null).mapToInt(r -> r[1].length()).max().orElse(10);
    String line = "+" + "-".repeat(left + 2) + "+" + "-".repeat(right + 2) + "+";
    out.println(line);
    for (String[] r : rows) {
      if (r == null) {
        out.println(line);
      } else {
        out.printf("| %-" + left + "s | %" + right + "s |%n", r[0], r[1]);
      }
    }
    out.println(line);
  }
}
