package org.nightjar.models.xd;

/**
 * Evaluates one noisy point against every component of a mixture: for each j it factors
 * T_j = V_j + S_i = L_j L_j^T, whitens the residual w_j = L_j^{-1}(x_i - m_j) and forms
 * ln p_j = ln alpha_j - (D/2) ln 2pi - (1/2) ln det T_j - (1/2) |w_j|^2. The factors and whitened
 * residuals stay in the workspace so callers can go on to posterior moments without refactoring.
 *
 * <p>Not thread-safe: one instance per thread. Nothing is allocated per point.
 */
final class PointEvaluator {

  private static final double LN_2PI = Math.log(2.0 * Math.PI);

  private final int k;
  private final int d;
  private GaussianMixture mixture;
  /** ln alpha_j - (D/2) ln 2pi, or -infinity for an empty component. */
  private final double[] lnConst;
  /** Cholesky factors of T_j, {@code [j*D*D + a*D + b]}, in {@link Cholesky}'s layout. */
  final double[] chol;
  /** Whitened residuals L_j^{-1} (x - m_j), {@code [j*D + a]}. */
  final double[] white;
  /** ln p_j for the last point. */
  final double[] lnp;
  private final double[] delta;

  PointEvaluator(GaussianMixture mixture) {
    this.k = mixture.components();
    this.d = mixture.dimension();
    this.lnConst = new double[k];
    this.chol = new double[k * d * d];
    this.white = new double[k * d];
    this.lnp = new double[k];
    this.delta = new double[d];
    setMixture(mixture);
  }

  /** Switches to new parameters of the same shape (EM does this after every M-step). */
  void setMixture(GaussianMixture m) {
    if (m.components() != k || m.dimension() != d) {
      throw new IllegalArgumentException("mixture shape changed");
    }
    this.mixture = m;
    double[] alpha = m.alphaView();
    for (int j = 0; j < k; j++) {
      lnConst[j] = alpha[j] > 0.0 ? Math.log(alpha[j]) - 0.5 * d * LN_2PI : Double.NEGATIVE_INFINITY;
    }
  }

  GaussianMixture mixture() {
    return mixture;
  }

  /** Whether component j takes part (non-zero weight); factors of skipped components are stale. */
  boolean active(int j) {
    return lnConst[j] != Double.NEGATIVE_INFINITY;
  }

  /**
   * Fills {@link #lnp}, {@link #chol} and {@link #white} for the point at {@code x[xOff..]} with
   * noise {@code s[sOff..]} and returns ln sum_j exp(ln p_j) (log-sum-exp).
   *
   * @param point index used only in the error message
   */
  double evaluate(double[] x, int xOff, double[] s, int sOff, int point) {
    double[] mean = mixture.meanView();
    double[] cov = mixture.covView();
    int dd = d * d;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      if (lnConst[j] == Double.NEGATIVE_INFINITY) {
        lnp[j] = Double.NEGATIVE_INFINITY;
        continue;
      }
      int lo = j * dd;
      if (!Cholesky.factorSum(cov, lo, s, sOff, chol, lo, d)) {
        throw new NonPositiveDefiniteException(
            "V_" + j + " + S_" + point + " is not positive definite");
      }
      int mo = j * d;
      for (int a = 0; a < d; a++) {
        delta[a] = x[xOff + a] - mean[mo + a];
      }
      Cholesky.forward(chol, lo, delta, 0, white, mo, d);
      double maha = 0.0;
      double recipProduct = 1.0;
      for (int a = 0; a < d; a++) {
        double w = white[mo + a];
        maha += w * w;
        recipProduct *= chol[lo + a * d + a];
      }
      // One log per component instead of D; fall back to a sum of logs on over- or underflow.
      double logDiag = recipProduct > Double.MIN_NORMAL && recipProduct < Double.MAX_VALUE
          ? -Math.log(recipProduct)
          : 0.5 * Cholesky.logDet(chol, lo, d);
      double v = lnConst[j] - logDiag - 0.5 * maha;
      lnp[j] = v;
      if (v > max) {
        max = v;
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0.0;
    for (int j = 0; j < k; j++) {
      sum += Math.exp(lnp[j] - max);
    }
    return max + Math.log(sum);
  }
}
