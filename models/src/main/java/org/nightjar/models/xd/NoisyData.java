package org.nightjar.models.xd;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * N noisy observations x_i in D dimensions, each with its own full noise covariance S_i, and
 * optional non-negative per-point weights. Row-major contiguous storage: {@code x[i*D + a]},
 * {@code s[i*D*D + a*D + b]}. Only the lower triangle of each S_i is read by the fitter.
 *
 * <p>Immutable and thread-safe: factories copy their input (except {@link #wrap}, whose caller
 * promises not to modify the arrays afterwards).
 */
public final class NoisyData {

  private final int n;
  private final int d;
  private final double[] x;
  private final double[] s;
  private final double[] weights;

  private NoisyData(int n, int d, double[] x, double[] s, double[] weights) {
    this.n = n;
    this.d = d;
    this.x = x;
    this.s = s;
    this.weights = weights;
  }

  /** Copies unweighted data in flat layout. */
  public static NoisyData of(int d, double[] x, double[] s) {
    return wrap(d, x.clone(), s.clone());
  }

  /**
   * Takes ownership of the arrays without copying (for large benchmark inputs); the caller must
   * not modify them afterwards.
   */
  public static NoisyData wrap(int d, double[] x, double[] s) {
    if (d < 1 || x.length % d != 0 || x.length == 0) {
      throw new IllegalArgumentException("x length " + x.length + " is not a positive multiple of D=" + d);
    }
    int n = x.length / d;
    if (s.length != (long) n * d * d) {
      throw new IllegalArgumentException("S length " + s.length + " does not match N=" + n + ", D=" + d);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("x of point " + (i / d) + " is not finite");
      }
    }
    for (int i = 0; i < s.length; i++) {
      if (!Double.isFinite(s[i])) {
        throw new IllegalArgumentException("S of point " + (i / (d * d)) + " is not finite");
      }
    }
    return new NoisyData(n, d, x, s, null);
  }

  /** The same points with per-point weights (copied; finite and >= 0, not all zero). */
  public NoisyData withWeights(double[] w) {
    if (w.length != n) {
      throw new IllegalArgumentException("need " + n + " weights, got " + w.length);
    }
    double total = 0.0;
    for (int i = 0; i < n; i++) {
      if (!(w[i] >= 0.0) || Double.isInfinite(w[i])) {
        throw new IllegalArgumentException("weight of point " + i + " must be finite and >= 0, got " + w[i]);
      }
      total += w[i];
    }
    if (total <= 0.0) {
      throw new IllegalArgumentException("weights sum to zero");
    }
    return new NoisyData(n, d, x, s, w.clone());
  }

  /** The points at the given indices, in that order (weights follow). */
  public NoisyData subset(int[] indices) {
    double[] xs = new double[indices.length * d];
    double[] ss = new double[indices.length * d * d];
    double[] ws = weights == null ? null : new double[indices.length];
    for (int r = 0; r < indices.length; r++) {
      int i = indices[r];
      System.arraycopy(x, i * d, xs, r * d, d);
      System.arraycopy(s, i * d * d, ss, r * d * d, d * d);
      if (ws != null) {
        ws[r] = weights[i];
      }
    }
    return new NoisyData(indices.length, d, xs, ss, ws);
  }

  public int size() {
    return n;
  }

  public int dimension() {
    return d;
  }

  public double[] point(int i) {
    Objects.checkIndex(i, n);
    return Arrays.copyOfRange(x, i * d, (i + 1) * d);
  }

  public Optional<double[]> weights() {
    return weights == null ? Optional.empty() : Optional.of(weights.clone());
  }

  double[] xView() {
    return x;
  }

  double[] sView() {
    return s;
  }

  /** Weight of point i (1 when unweighted). */
  double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** Sum of the weights (N when unweighted). */
  double totalWeight() {
    if (weights == null) {
      return n;
    }
    double t = 0.0;
    for (double w : weights) {
      t += w;
    }
    return t;
  }
}
