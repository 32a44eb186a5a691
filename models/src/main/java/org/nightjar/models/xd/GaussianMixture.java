package org.nightjar.models.xd;

import java.util.Arrays;

/**
 * A mixture of K Gaussians in D dimensions: weights (amplitudes) alpha_j, means m_j and
 * covariances V_j, held in contiguous row-major arrays ({@code mean[j*D + a]},
 * {@code cov[j*D*D + a*D + b]}).
 *
 * <p>Immutable and thread-safe: every factory copies its input and every accessor returns a copy.
 * Covariances are stored exactly symmetric (the average of the given matrix and its transpose).
 */
public final class GaussianMixture {

  /** How far the weights may sum from 1 (stored priors carry rounding and tiny floors). */
  private static final double WEIGHT_SUM_TOLERANCE = 1e-6;

  private final int k;
  private final int d;
  private final double[] alpha;
  private final double[] mean;
  private final double[] cov;

  private GaussianMixture(int k, int d, double[] alpha, double[] mean, double[] cov) {
    this.k = k;
    this.d = d;
    this.alpha = alpha;
    this.mean = mean;
    this.cov = cov;
  }

  /** Builds a mixture from nested arrays: {@code mean[j][a]}, {@code cov[j][a][b]}. */
  public static GaussianMixture of(double[] alpha, double[][] mean, double[][][] cov) {
    int k = alpha.length;
    if (k == 0 || mean.length != k || cov.length != k) {
      throw new IllegalArgumentException(
          "need K >= 1 and matching lengths, got alpha " + k + ", mean " + mean.length + ", cov " + cov.length);
    }
    int d = mean[0].length;
    double[] m = new double[k * d];
    double[] v = new double[k * d * d];
    for (int j = 0; j < k; j++) {
      if (mean[j].length != d || cov[j].length != d) {
        throw new IllegalArgumentException("component " + j + " is not " + d + "-dimensional");
      }
      System.arraycopy(mean[j], 0, m, j * d, d);
      for (int a = 0; a < d; a++) {
        if (cov[j][a].length != d) {
          throw new IllegalArgumentException("covariance of component " + j + " is not " + d + " x " + d);
        }
        System.arraycopy(cov[j][a], 0, v, j * d * d + a * d, d);
      }
    }
    return fromFlat(k, d, alpha, m, v);
  }

  /** Builds a mixture from flat row-major arrays (copied); see the class comment for the layout. */
  public static GaussianMixture fromFlat(int k, int d, double[] alpha, double[] mean, double[] cov) {
    if (k < 1 || d < 1 || alpha.length != k || mean.length != k * d || cov.length != k * d * d) {
      throw new IllegalArgumentException("arrays do not match K=" + k + ", D=" + d);
    }
    double sum = 0.0;
    for (int j = 0; j < k; j++) {
      if (!(alpha[j] >= 0.0) || Double.isInfinite(alpha[j])) {
        throw new IllegalArgumentException("weight of component " + j + " must be finite and >= 0, got " + alpha[j]);
      }
      sum += alpha[j];
    }
    if (Math.abs(sum - 1.0) > WEIGHT_SUM_TOLERANCE) {
      throw new IllegalArgumentException("weights must sum to 1, got " + sum);
    }
    for (double v : mean) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("means must be finite");
      }
    }
    double[] c = symmetrised(k, d, cov);
    double[] l = new double[d * d];
    double[] zero = new double[d * d];
    for (int j = 0; j < k; j++) {
      if (!Cholesky.factorSum(c, j * d * d, zero, 0, l, 0, d)) {
        throw new NonPositiveDefiniteException("covariance of component " + j + " is not positive definite");
      }
    }
    return new GaussianMixture(k, d, alpha.clone(), mean.clone(), c);
  }

  /** Wraps arrays this package owns and will not modify; no checks beyond what EM guarantees. */
  static GaussianMixture wrap(int k, int d, double[] alpha, double[] mean, double[] cov) {
    return new GaussianMixture(k, d, alpha, mean, cov);
  }

  private static double[] symmetrised(int k, int d, double[] cov) {
    double[] c = cov.clone();
    for (int j = 0; j < k; j++) {
      int o = j * d * d;
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < a; b++) {
          double x = cov[o + a * d + b];
          double y = cov[o + b * d + a];
          if (!Double.isFinite(x) || !Double.isFinite(y)
              || Math.abs(x - y) > 1e-9 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)))) {
            throw new IllegalArgumentException("covariance of component " + j + " is not symmetric at (" + a + "," + b + ")");
          }
          double s = 0.5 * (x + y);
          c[o + a * d + b] = s;
          c[o + b * d + a] = s;
        }
      }
    }
    return c;
  }

  public int components() {
    return k;
  }

  public int dimension() {
    return d;
  }

  public double weight(int j) {
    return alpha[j];
  }

  public double[] weights() {
    return alpha.clone();
  }

  public double[] mean(int j) {
    return Arrays.copyOfRange(mean, j * d, (j + 1) * d);
  }

  public double[][] covariance(int j) {
    double[][] out = new double[d][];
    for (int a = 0; a < d; a++) {
      out[a] = Arrays.copyOfRange(cov, j * d * d + a * d, j * d * d + (a + 1) * d);
    }
    return out;
  }

  /** Flat copy of all means, {@code [j*D + a]}. */
  public double[] flatMeans() {
    return mean.clone();
  }

  /** Flat copy of all covariances, {@code [j*D*D + a*D + b]}. */
  public double[] flatCovariances() {
    return cov.clone();
  }

  // Package-private views without copies, for the numerical kernels.
  double[] alphaView() {
    return alpha;
  }

  double[] meanView() {
    return mean;
  }

  double[] covView() {
    return cov;
  }
}
