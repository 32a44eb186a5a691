package org.nightjar.models.autoencoder;

/** Hears about training progress; called on the training thread. */
public interface TrainingListener {

  /** Training is about to start: {@code epochs} at most, {@code stepsPerEpoch} batches each. */
  default void onStart(int epochs, int stepsPerEpoch) {}

  /** One gradient step finished. */
  default void onStep(int epoch, int step) {}

  /** One epoch finished. */
  default void onEpoch(EpochStats stats) {}

  /** Training stopped (early or after the last epoch). */
  default void onFinish(int bestEpoch, double bestValidationLoss) {}

  /** A listener that ignores everything. */
  static TrainingListener none() {
    return new TrainingListener() {};
  }
}
