package org.nightjar.models.xd;

/**
 * Outcome of an EM run.
 *
 * @param mixture the parameters after {@code updates} updates
 * @param trajectory L_0 .. L_{s-1}: the mean log-likelihood computed in each update's E-step,
 *     i.e. of the parameters before that update (L_0 is the initialisation)
 * @param updates s, the number of updates done
 * @param converged whether the last gain L_{s-1} - L_{s-2} fell to the tolerance (rather than the
 *     update limit being reached)
 */
public record XdFitResult(GaussianMixture mixture, double[] trajectory, int updates, boolean converged) {

  public XdFitResult {
    trajectory = trajectory.clone();
  }

  @Override
  public double[] trajectory() {
    return trajectory.clone();
  }

  /**
   * L_{s-1}, the likelihood of the parameters before the last update: what Bovy's
   * {@code extreme_deconvolution} returns as {@code avgloglikedata}. Not the likelihood of
   * {@link #mixture()}; use {@link XdFitter#logLikelihood} for that.
   */
  public double lastLogLikelihood() {
    if (trajectory.length == 0) {
      throw new IllegalStateException("no update was run");
    }
    return trajectory[trajectory.length - 1];
  }
}
