package org.nightjar.models.autoencoder;

/**
 * Losses after one epoch (masked mean squared errors in preprocessed units). Immutable.
 *
 * @param epoch 1-based
 * @param trainLoss mean per-alert masked MSE on the training split after the epoch
 * @param validationLoss mean per-alert masked MSE on the validation split
 * @param seconds wall time of the epoch
 * @param improved whether this epoch set a new best validation loss
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double seconds, boolean improved) {}
