package org.nightjar.models.xd;

/**
 * The E-step for a contiguous block of points: responsibilities by log-sum-exp and the
 * accumulation of {@link ComponentSums}. Per pair (i, j) it reuses the Cholesky factor and the
 * whitened residual from {@link PointEvaluator}, then needs one back substitution (u) and one
 * triangular inverse (for T^{-1}); pairs whose responsibility underflows to exactly zero add
 * nothing and are skipped.
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
   */
  void run(NoisyData data, int from, int to, ComponentSums out, boolean accumulate) {
    out.clear();
    double[] x = data.xView();
    double[] s = data.sView();
    int dd = d * d;
    double[] chol = evaluator.chol;
    double[] white = evaluator.white;
    double[] lnp = evaluator.lnp;
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
        if (qij == 0.0) {
          continue;
        }
        int lo = j * dd;
        Cholesky.backward(chol, lo, white, j * d, u, 0, d);
        Cholesky.invertLower(chol, lo, inv, 0, d);
        out.q[j] += qij;
        int so = j * d;
        for (int a = 0; a < d; a++) {
          out.su[so + a] += qij * u[a];
        }
        // g += q (u u^T - T^{-1}); T^{-1} = L^{-T} L^{-1}, so (T^{-1})_ab = sum_{c >= a} inv_ca inv_cb for a >= b.
        for (int a = 0; a < d; a++) {
          int go = lo + a * d;
          double qua = qij * u[a];
          for (int b = 0; b <= a; b++) {
            double t = 0.0;
            for (int c = a; c < d; c++) {
              t += inv[c * d + a] * inv[c * d + b];
            }
            out.g[go + b] += qua * u[b] - qij * t;
          }
        }
      }
    }
    out.logLike = ll;
  }
}
