package org.nightjar.models.xd;

/**
 * The E-step for a contiguous block of points: responsibilities by log-sum-exp and the
 * accumulation of {@link ComponentSums}. Per pair (i, j) it reuses the Cholesky factor and the
 * whitened residual from {@link PointEvaluator}, then needs one back substitution (u) and one
 * triangular inverse (for T^{-1}); pairs whose responsibility is at or below the floor
 * (by default: exactly zero, so they add nothing) are skipped.
 *
 * <p>Not thread-safe: one instance per worker thread; it allocates only at construction.
 */
final class EStepKernel {

  private final int k;
  private final int d;
  private final PointEvaluator evaluator;
  private final double[] u;
  private final double[] inv;

  EStepKernel(GaussianMixture mixture) {
    this.k = mixture.components();
    this.d = mixture.dimension();
    this.evaluator = new PointEvaluator(mixture);
    this.u = new double[d];
    this.inv = new double[d * d];
  }

  void setMixture(GaussianMixture m) {
    evaluator.setMixture(m);
  }

  /**
   * Processes points {@code [from, to)} into {@code out} (which is cleared first).
   *
   * @param accumulate false to compute only the log-likelihood
   * @param floor responsibilities at or below it are left out of the sums (0: only exact zeros)
   */
  void run(NoisyData data, int from, int to, ComponentSums out, boolean accumulate, double floor) {
    out.clear();
    double[] x = data.xView();
    double[] s = data.sView();
    int dd = d * d;
    double[] chol = evaluator.chol;
    double[] white = evaluator.white;
    double[] lnp = evaluator.lnp;
    double[] q = out.q;
    double[] su = out.su;
    double[] g = out.g;
    double[] u = this.u;
    double[] inv = this.inv;
    double ll = 0.0;
    for (int i = from; i < to; i++) {
      double lse = evaluator.evaluate(x, i * d, s, i * dd, i);
      double wi = data.weight(i);
      ll += wi * lse;
      if (!accumulate) {
        continue;
      }
      for (int j = 0; j < k; j++) {
        double qij = wi * Math.exp(lnp[j] - lse);
        if (qij <= floor) {
          continue;
        }
        int lo = j * dd;
        Cholesky.backward(chol, lo, white, j * d, u, 0, d);
        Cholesky.invertLower(chol, lo, inv, 0, d);
        q[j] += qij;
        int so = j * d;
        for (int a = 0; a < d; a++) {
          su[so + a] += qij * u[a];
        }
        // g += q u u^T - q T^{-1}, with T^{-1} = L^{-T} L^{-1} = sum_c r_c r_c^T over the rows r_c of
        // L^{-1}: rank-one updates whose inner loops run over contiguous memory.
        for (int a = 0; a < d; a++) {
          int go = lo + a * d;
          double qua = qij * u[a];
          for (int b = 0; b <= a; b++) {
            g[go + b] += qua * u[b];
          }
        }
        for (int c = 0; c < d; c++) {
          int ro = c * d;
          for (int a = 0; a <= c; a++) {
            int go = lo + a * d;
            double qra = qij * inv[ro + a];
            for (int b = 0; b <= a; b++) {
              g[go + b] -= qra * inv[ro + b];
            }
          }
        }
      }
    }
    out.logLike = ll;
  }
}
