package org.nightjar.app.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long step: a redrawn bar on a terminal, a plain line every tenth of the way
 * elsewhere (CI logs, pipes), so logs stay readable.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;
  private final String task;
  private final long total;
  private long lastDecile = -1;

  Progress(String task, long total) {
    this.task = task;
    this.total = Math.max(1, total);
    this.bar = System.console() != null
        ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII).build()
        : null;
  }

  void stepTo(long done) {
    if (bar != null) {
      bar.stepTo(done);
      return;
    }
    long decile = done * 10 / total;
    if (decile != lastDecile) {
      lastDecile = decile;
      System.err.printf("%s: %d/%d (%d%%)%n", task, done, total, done * 100 / total);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
