package org.nightjar.models.xd;

import java.util.Arrays;

/**
 * Fits a Gaussian mixture to noisy data by Extreme Deconvolution EM (Bovy, Hogg and Roweis 2011,
 * "Extreme deconvolution", Annals of Applied Statistics 5, 1657), without split-and-merge.
 *
 * <p>Stopping rule (Bovy's): update s computes L_{s-1} in its E-step; after update s (s &ge; 2) the
 * fit stops if L_{s-1} - L_{s-2} &le; tolerance. The returned parameters are those after s
 * updates.
 *
 * <p>Thread-safe: the fitter holds only its options; each call owns its worker threads.
 */
public final class XdFitter {

  private final XdFitOptions options;

  public XdFitter(XdFitOptions options) {
    this.options = options;
  }

  public XdFitOptions options() {
    return options;
  }

  /** Runs EM from {@code initial} until convergence or {@code maxUpdates}. */
  public XdFitResult fit(NoisyData data, GaussianMixture initial) {
    double[] traj = new double[Math.min(options.maxUpdates(), 1024)];
    int s = 0;
    boolean converged = false;
    try (XdEm em = new XdEm(data, initial, options)) {
      while (s < options.maxUpdates()) {
        if (s == traj.length) {
          traj = Arrays.copyOf(traj, 2 * traj.length);
        }
        traj[s] = em.update();
        s++;
        if (s >= 2 && traj[s - 1] - traj[s - 2] <= options.tolerance()) {
          converged = true;
          break;
        }
      }
      return new XdFitResult(em.current(), Arrays.copyOf(traj, s), s, converged);
    }
  }

  /** Mean log-likelihood per point (weighted mean when the data carry weights) of a mixture. */
  public double logLikelihood(NoisyData data, GaussianMixture mixture) {
    try (XdEm em = new XdEm(data, mixture, options)) {
      return em.logLikelihood();
    }
  }
}
