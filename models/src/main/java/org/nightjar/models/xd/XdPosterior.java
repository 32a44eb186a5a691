package org.nightjar.models.xd;

/**
 * The deconvolved posterior of one object's true value under an XD prior, given its noisy
 * measurement x with noise covariance S. With T_j = V_j + S:
 *
 * <pre>
 *   r_j  = alpha_j N(x | m_j, T_j) / sum_k alpha_k N(x | m_k, T_k)      (weights included)
 *   b_j  = m_j + V_j T_j^{-1} (x - m_j)                                (mean under component j)
 *   B_j  = V_j - V_j T_j^{-1} V_j                                      (covariance under component j)
 *   mu   = sum_j r_j b_j,    C = sum_j r_j [B_j + (b_j - mu)(b_j - mu)^T]
 * </pre>
 *
 * <p>Immutable and thread-safe; accessors return copies.
 */
public final class XdPosterior {

  private final double logLikelihood;
  private final double[] logWeightedDensities;
  private final double[] responsibilities;
  private final double[][] componentMeans;
  private final double[][][] componentCovariances;
  private final double[] mean;
  private final double[][] covariance;

  private XdPosterior(double logLikelihood, double[] lnp, double[] r, double[][] b, double[][][] bigB,
      double[] mean, double[][] cov) {
    this.logLikelihood = logLikelihood;
    this.logWeightedDensities = lnp;
    this.responsibilities = r;
    this.componentMeans = b;
    this.componentCovariances = bigB;
    this.mean = mean;
    this.covariance = cov;
  }

  /** Computes the posterior of one measurement {@code x} (length D) with noise {@code s} (D x D). */
  public static XdPosterior of(GaussianMixture prior, double[] x, double[][] s) {
    int d = prior.dimension();
    return of(prior, x, flatten(s, d));
  }

  /** As {@link #of(GaussianMixture, double[], double[][])} with S flat row-major. */
  public static XdPosterior of(GaussianMixture prior, double[] x, double[] sFlat) {
    int k = prior.components();
    int d = prior.dimension();
    checkPoint(x, sFlat, d);
    PointEvaluator ev = new PointEvaluator(prior);
    double lse = ev.evaluate(x, 0, sFlat, 0, 0);
    double[] cov = prior.covView();
    double[] mu0 = prior.meanView();
    double[] r = new double[k];
    double[][] b = new double[k][d];
    double[][][] bigB = new double[k][d][d];
    double[] l = new double[d * d];
    double[] u = new double[d];
    double[] y = new double[d * d];
    double[] col = new double[d];
    for (int j = 0; j < k; j++) {
      r[j] = Math.exp(ev.lnp[j] - lse);
      int vo = j * d * d;
      // Components with zero weight were not factored by the evaluator: do it here.
      if (ev.active(j)) {
        System.arraycopy(ev.chol, vo, l, 0, d * d);
        Cholesky.backward(l, 0, ev.white, j * d, u, 0, d);
      } else {
        if (!Cholesky.factorSum(cov, vo, sFlat, 0, l, 0, d)) {
          throw new NonPositiveDefiniteException("V_" + j + " + S is not positive definite");
        }
        double[] delta = new double[d];
        for (int a = 0; a < d; a++) {
          delta[a] = x[a] - mu0[j * d + a];
        }
        Cholesky.forward(l, 0, delta, 0, u, 0, d);
        Cholesky.backward(l, 0, u, 0, u, 0, d);
      }
      for (int a = 0; a < d; a++) {
        double s = mu0[j * d + a];
        for (int c = 0; c < d; c++) {
          s += cov[vo + a * d + c] * u[c];
        }
        b[j][a] = s;
      }
      // Y = L^{-1} V column by column; then V T^{-1} V = Y^T Y.
      for (int c = 0; c < d; c++) {
        for (int a = 0; a < d; a++) {
          col[a] = cov[vo + a * d + c];
        }
        Cholesky.forward(l, 0, col, 0, col, 0, d);
        for (int a = 0; a < d; a++) {
          y[a * d + c] = col[a];
        }
      }
      for (int a = 0; a < d; a++) {
        for (int c = 0; c <= a; c++) {
          double s = 0.0;
          for (int e = 0; e < d; e++) {
            s += y[e * d + a] * y[e * d + c];
          }
          double v = 0.5 * (cov[vo + a * d + c] + cov[vo + c * d + a]) - s;
          bigB[j][a][c] = v;
          bigB[j][c][a] = v;
        }
      }
    }
    double[] mean = new double[d];
    for (int j = 0; j < k; j++) {
      for (int a = 0; a < d; a++) {
        mean[a] += r[j] * b[j][a];
      }
    }
    double[][] post = new double[d][d];
    for (int j = 0; j < k; j++) {
      if (r[j] == 0.0) {
        continue;
      }
      for (int a = 0; a < d; a++) {
        double da = b[j][a] - mean[a];
        for (int c = 0; c <= a; c++) {
          post[a][c] += r[j] * (bigB[j][a][c] + da * (b[j][c] - mean[c]));
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int c = 0; c < a; c++) {
        post[c][a] = post[a][c];
      }
    }
    return new XdPosterior(lse, ev.lnp.clone(), r, b, bigB, mean, post);
  }

  static double[] flatten(double[][] s, int d) {
    if (s.length != d) {
      throw new IllegalArgumentException("S must be " + d + " x " + d);
    }
    double[] flat = new double[d * d];
    for (int a = 0; a < d; a++) {
      if (s[a].length != d) {
        throw new IllegalArgumentException("S must be " + d + " x " + d);
      }
      System.arraycopy(s[a], 0, flat, a * d, d);
    }
    return flat;
  }

  static void checkPoint(double[] x, double[] sFlat, int d) {
    if (x.length != d || sFlat.length != d * d) {
      throw new IllegalArgumentException("point must have D=" + d + " values and a D x D noise matrix");
    }
    for (double v : x) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("point has a non-finite value");
      }
    }
    for (double v : sFlat) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("noise covariance has a non-finite value");
      }
    }
  }

  /** ln sum_j alpha_j N(x | m_j, V_j + S). */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** ln alpha_j + ln N(x | m_j, V_j + S) per component (negative infinity for zero weight). */
  public double[] logWeightedDensities() {
    return logWeightedDensities.clone();
  }

  /** r_j, summing to 1. */
  public double[] responsibilities() {
    return responsibilities.clone();
  }

  public double[] componentMean(int j) {
    return componentMeans[j].clone();
  }

  public double[][] componentCovariance(int j) {
    return deepCopy(componentCovariances[j]);
  }

  /** Mean of the mixture posterior of the true value. */
  public double[] mean() {
    return mean.clone();
  }

  /** Covariance of the mixture posterior of the true value. */
  public double[][] covariance() {
    return deepCopy(covariance);
  }

  private static double[][] deepCopy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }
}
