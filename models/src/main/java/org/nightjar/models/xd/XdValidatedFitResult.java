package org.nightjar.models.xd;

/**
 * Outcome of {@link ValidatedXdFitter}.
 *
 * @param best the parameters with the highest validation likelihood seen (possibly the initial ones)
 * @param bestUpdates the number of training updates after which {@code best} was taken
 * @param bestValidationLogLikelihood its mean validation log-likelihood
 * @param trainTrajectory mean training log-likelihood before each update (as {@link XdFitResult})
 * @param validationTrajectory mean validation log-likelihood at update 0, checkEvery, 2 checkEvery, ...
 * @param updatesRun how many updates ran before stopping
 */
public record XdValidatedFitResult(GaussianMixture best, int bestUpdates, double bestValidationLogLikelihood,
    double[] trainTrajectory, double[] validationTrajectory, int updatesRun) {

  public XdValidatedFitResult {
    trainTrajectory = trainTrajectory.clone();
    validationTrajectory = validationTrajectory.clone();
  }

  @Override
  public double[] trainTrajectory() {
    return trainTrajectory.clone();
  }

  @Override
  public double[] validationTrajectory() {
    return validationTrajectory.clone();
  }
}
