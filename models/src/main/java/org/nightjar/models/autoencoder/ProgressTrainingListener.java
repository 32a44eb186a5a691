package org.nightjar.models.autoencoder;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports training progress: a progress bar over the steps of each epoch when a terminal is
 * attached, plain log lines otherwise (CI logs, redirected output). Not thread-safe; used by the
 * training thread.
 */
public final class ProgressTrainingListener implements TrainingListener {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressTrainingListener.class);

  private final boolean terminal;
  private ProgressBar bar;
  private int stepsPerEpoch;
  private int maxEpochs;

  private ProgressTrainingListener(boolean terminal) {
    this.terminal = terminal;
  }

  /** Bar on a terminal, log lines otherwise. */
  public static ProgressTrainingListener forConsole() {
    return new ProgressTrainingListener(System.console() != null);
  }

  /** Log lines only. */
  public static ProgressTrainingListener logLines() {
    return new ProgressTrainingListener(false);
  }

  @Override
  public void onStart(int epochs, int steps) {
    this.maxEpochs = epochs;
    this.stepsPerEpoch = steps;
    LOG.info("training up to {} epochs of {} steps", epochs, steps);
  }

  @Override
  public void onStep(int epoch, int step) {
    if (!terminal) {
      return;
    }
    if (bar == null) {
      bar = new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + maxEpochs).setInitialMax(stepsPerEpoch).build();
    }
    bar.stepTo(step);
  }

  @Override
  public void onEpoch(EpochStats s) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
    LOG.info(
        "epoch {}/{}: train loss {} validation loss {}{} ({} s)",
        s.epoch(), maxEpochs, String.format("%.5f", s.trainLoss()), String.format("%.5f", s.validationLoss()),
        s.improved() ? " (best)" : "", String.format("%.1f", s.seconds()));
  }

  @Override
  public void onFinish(int bestEpoch, double bestValidationLoss) {
    LOG.info("best epoch {} with validation loss {}", bestEpoch, String.format("%.5f", bestValidationLoss));
  }
}
