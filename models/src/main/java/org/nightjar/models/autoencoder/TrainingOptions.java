package org.nightjar.models.autoencoder;

/**
 * Settings of one training run. Immutable; thread-safe.
 *
 * @param architecture network shape (latent dimension included)
 * @param maxEpochs upper bound on passes over the training split
 * @param patience stop after this many epochs without a lower validation loss
 * @param batchSize examples per gradient step
 * @param learningRate Adam step size
 * @param seed fixes weights, shuffling, augmentation and the splits: same data and seed give the
 *     same weights
 * @param validationPercent share of objects (not alerts) kept for validation, 0-50
 * @param heldOutPercent share of objects set aside entirely (never trained or validated on), 0-50
 * @param augment train on random flips and quarter turns of each stack (the sky has no preferred
 *     orientation)
 */
public record TrainingOptions(
    AutoencoderArchitecture architecture,
    int maxEpochs,
    int patience,
    int batchSize,
    double learningRate,
    long seed,
    int validationPercent,
    int heldOutPercent,
    boolean augment) {

  public static TrainingOptions defaults() {
    return new TrainingOptions(AutoencoderArchitecture.defaults(), 200, 10, 32, 3e-3, 42, 10, 10, true);
  }

  public TrainingOptions {
    if (architecture == null) {
      throw new IllegalArgumentException("architecture is required");
    }
    if (maxEpochs < 1 || patience < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "maxEpochs, patience and batchSize must be at least 1, got " + maxEpochs + ", " + patience + ", " + batchSize);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
    }
    if (validationPercent < 0 || validationPercent > 50 || heldOutPercent < 0 || heldOutPercent > 50) {
      throw new IllegalArgumentException("validationPercent and heldOutPercent must be within 0-50");
    }
  }

  public TrainingOptions withMaxEpochs(int epochs) {
    return new TrainingOptions(architecture, epochs, patience, batchSize, learningRate, seed,
        validationPercent, heldOutPercent, augment);
  }

  public TrainingOptions withSeed(long newSeed) {
    return new TrainingOptions(architecture, maxEpochs, patience, batchSize, learningRate, newSeed,
        validationPercent, heldOutPercent, augment);
  }

  public TrainingOptions withLatentDim(int latentDim) {
    return new TrainingOptions(architecture.withLatentDim(latentDim), maxEpochs, patience, batchSize,
        learningRate, seed, validationPercent, heldOutPercent, augment);
  }
}
