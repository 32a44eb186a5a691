package org.nightjar.models.index;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * How many dimensions a set of vectors really spans, for telling benchmark data apart: a graph
 * search visits few nodes on data of low intrinsic dimension and nearly all of a blob of high
 * dimension, whatever the ambient dimension is.
 *
 * <ul>
 *   <li>{@link #twoNn}: the two-nearest-neighbour estimate (Facco et al., Sci. Rep. 2017). For
 *       each point, μ = r₂ / r₁ (its second over its first nearest-neighbour distance) follows
 *       {@code P(μ > x) = x^-d} on a d-dimensional manifold of locally even density, whence the
 *       maximum-likelihood {@code d = m / Σ ln μ}. It reads the data at the scale of its nearest
 *       neighbours, which is the scale a kNN search works at.
 *   <li>{@link #principalComponents}: how many principal components carry a share of the total
 *       variance: the global, linear view.
 * </ul>
 */
public final class IntrinsicDimension {

  private IntrinsicDimension() {}

  /**
   * Two-NN estimate from each point's first and second nearest-neighbour distances; points with
   * {@code first == 0} (exact duplicates) are left out. NaN when no point is left.
   */
  public static double twoNn(double[] first, double[] second) {
    if (first.length != second.length) {
      throw new IllegalArgumentException(first.length + " first and " + second.length + " second distances");
    }
    double sum = 0.0;
    int m = 0;
    for (int i = 0; i < first.length; i++) {
      if (first[i] > 0.0 && second[i] >= first[i]) {
        sum += Math.log(second[i] / first[i]);
        m++;
      }
    }
    return m == 0 || sum == 0.0 ? Double.NaN : m / sum;
  }

  /** Two-NN estimate of a small set of points, by comparing every pair (quadratic: for thousands of points). */
  public static double twoNn(float[][] points) {
    double[] first = new double[points.length];
    double[] second = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      double next = Double.POSITIVE_INFINITY;
      for (int j = 0; j < points.length; j++) {
        if (j == i) {
          continue;
        }
        double d = Math.sqrt(ExactDistances.squared(points[i], points[j]));
        if (d < best) {
          next = best;
          best = d;
        } else if (d < next) {
          next = d;
        }
      }
      first[i] = best;
      second[i] = next;
    }
    return twoNn(first, second);
  }

  /**
   * Two-NN estimate of the rows of {@code index} at sampled rows: every {@code step}-th row is
   * searched for (it finds itself at distance 0, which is skipped with any other copy of it).
   */
  public static double twoNn(LatentIndex index, float[][] rows, int samples) {
    int step = Math.max(1, rows.length / Math.max(1, samples));
    int count = (rows.length + step - 1) / step;
    float[][] sample = new float[count][];
    for (int s = 0; s < count; s++) {
      sample[s] = rows[s * step];
    }
    Neighbourhoods found = index.search(sample, 4);
    double[] first = new double[count];
    double[] second = new double[count];
    for (int s = 0; s < count; s++) {
      int filled = 0;
      for (float d : found.distances()[s]) {
        if (d > 0f && filled < 2) {
          if (filled == 0) {
            first[s] = d;
          } else {
            second[s] = d;
          }
          filled++;
        }
      }
    }
    return twoNn(first, second);
  }

  /** The fewest principal components whose variance adds up to at least {@code share} of the total. */
  public static int principalComponents(float[][] points, double share) {
    int d = points[0].length;
    double[] mean = new double[d];
    for (float[] p : points) {
      for (int j = 0; j < d; j++) {
        mean[j] += p[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= points.length;
    }
    double[][] covariance = new double[d][d];
    for (float[] p : points) {
      for (int a = 0; a < d; a++) {
        double da = p[a] - mean[a];
        for (int b = a; b < d; b++) {
          covariance[a][b] += da * (p[b] - mean[b]);
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        covariance[a][b] = covariance[b][a];
      }
    }
    // The covariance is symmetric and positive semi-definite, so its singular values are its
    // eigenvalues, the variances along the principal axes; the SVD copes with rank deficiency.
    double[] variances = new SingularValueDecomposition(new Array2DRowRealMatrix(covariance, false)).getSingularValues();
    double total = 0.0;
    for (double v : variances) {
      total += v;
    }
    double running = 0.0;
    for (int c = 1; c <= variances.length; c++) {
      running += variances[c - 1];
      if (running >= share * total) {
        return c;
      }
    }
    return d;
  }
}
