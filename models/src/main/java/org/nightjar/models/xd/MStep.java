package org.nightjar.models.xd;

/**
 * The M-step of Extreme Deconvolution (Bovy, Hogg and Roweis 2011, eqs. 17-19) written around the
 * old mean, from the sums of one E-step:
 *
 * <pre>
 *   alpha_j = q_j / W                       (W = total data weight)
 *   m_j'    = m_j + d_j,  d_j = V_j su_j / q_j   (d_j = 0 in fixed dimensions)
 *   V_j'    = [V_j g_j V_j + q_j V_j - c_j d_j^T - d_j c_j^T + q_j d_j d_j^T + w I] / (q_j + 1)  if w &gt; 0
 *   V_j'    = [V_j g_j V_j + q_j V_j - c_j d_j^T - d_j c_j^T + q_j d_j d_j^T] / q_j             if w = 0
 * </pre>
 *
 * with c_j = V_j su_j, which is sum_i q_ij ((b_ij - m_j')(b_ij - m_j')^T + B_ij) expanded.
 * A component with q_j below the smallest normal double keeps its mean and covariance.
 *
 * <p>Stateless; thread-safe.
 */
final class MStep {

  private MStep() {}

  static GaussianMixture apply(
      GaussianMixture old, ComponentSums sums, double totalWeight, XdFitOptions.Constraints cons, double w) {
    int k = old.components();
    int d = old.dimension();
    int dd = d * d;
    double[] oldAlpha = old.alphaView();
    double[] oldMean = old.meanView();
    double[] oldCov = old.covView();
    double[] alpha = new double[k];
    double[] mean = oldMean.clone();
    double[] cov = oldCov.clone();

    updateWeights(oldAlpha, sums.q, totalWeight, cons.fixedWeight(), alpha);

    double[] c = new double[d];
    double[] shift = new double[d];
    double[] gv = new double[dd];
    double[] m = new double[dd];
    for (int j = 0; j < k; j++) {
      double q = sums.q[j];
      if (q < Double.MIN_NORMAL) {
        continue;
      }
      int mo = j * d;
      int vo = j * dd;
      boolean[] fixedDims = cons.fixedMean()[j];
      for (int a = 0; a < d; a++) {
        double s = 0.0;
        for (int b = 0; b < d; b++) {
          s += oldCov[vo + a * d + b] * sums.su[mo + b];
        }
        c[a] = s;
        shift[a] = fixedDims[a] ? 0.0 : s / q;
        mean[mo + a] = oldMean[mo + a] + shift[a];
      }
      if (cons.fixedCovariance()[j]) {
        continue;
      }
      // gv = G V with G symmetric, stored as its lower triangle.
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          double s = 0.0;
          for (int e = 0; e < d; e++) {
            double gae = a >= e ? sums.g[vo + a * d + e] : sums.g[vo + e * d + a];
            s += gae * oldCov[vo + e * d + b];
          }
          gv[a * d + b] = s;
        }
      }
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          double s = 0.0;
          for (int e = 0; e < d; e++) {
            s += oldCov[vo + a * d + e] * gv[e * d + b];
          }
          m[a * d + b] = s + q * oldCov[vo + a * d + b]
              - c[a] * shift[b] - shift[a] * c[b] + q * shift[a] * shift[b];
        }
      }
      double denom = w > 0.0 ? q + 1.0 : q;
      boolean[] aligned = cons.aligned()[j];
      for (int a = 0; a < d; a++) {
        for (int b = 0; b <= a; b++) {
          double v = 0.5 * (m[a * d + b] + m[b * d + a]);
          if (a == b) {
            v += w;
          } else if (aligned[a] || aligned[b]) {
            v = 0.0;
          }
          v /= denom;
          cov[vo + a * d + b] = v;
          cov[vo + b * d + a] = v;
        }
      }
    }
    return GaussianMixture.wrap(k, d, alpha, mean, cov);
  }

  /** alpha_j = q_j / W; with fixed weights the free ones share 1 - sum(fixed) in proportion to q_j. */
  private static void updateWeights(double[] oldAlpha, double[] q, double totalWeight, boolean[] fixed, double[] out) {
    double fixedSum = 0.0;
    double freeQ = 0.0;
    boolean anyFixed = false;
    for (int j = 0; j < q.length; j++) {
      if (fixed[j]) {
        anyFixed = true;
        fixedSum += oldAlpha[j];
      } else {
        freeQ += q[j];
      }
    }
    for (int j = 0; j < q.length; j++) {
      if (fixed[j]) {
        out[j] = oldAlpha[j];
      } else if (!anyFixed) {
        out[j] = q[j] / totalWeight;
      } else {
        out[j] = freeQ > 0.0 ? q[j] / freeQ * (1.0 - fixedSum) : oldAlpha[j];
      }
    }
  }
}
