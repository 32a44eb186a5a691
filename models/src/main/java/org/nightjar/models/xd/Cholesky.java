package org.nightjar.models.xd;

/**
 * Dense Cholesky kernels on row-major {@code d x d} blocks stored at an offset inside a larger
 * contiguous array. Only the lower triangle of inputs is read and only the lower triangle of
 * outputs is written.
 *
 * <p>Factor layout: the strictly lower part holds L, and the diagonal holds the <em>reciprocals</em>
 * 1 / L_ii, so the solves multiply instead of divide (divisions dominate such small kernels).
 *
 * <p>Stateless; thread-safe.
 */
final class Cholesky {

  private Cholesky() {}

  /**
   * Factors {@code A + B = L L^T} without forming the sum in memory.
   *
   * @return false when the sum is not (numerically) positive definite; {@code l} is then partial
   */
  static boolean factorSum(double[] a, int aOff, double[] b, int bOff, double[] l, int lOff, int d) {
    for (int i = 0; i < d; i++) {
      int ri = lOff + i * d;
      for (int j = 0; j < i; j++) {
        int rj = lOff + j * d;
        double s = a[aOff + i * d + j] + b[bOff + i * d + j];
        for (int k = 0; k < j; k++) {
          s -= l[ri + k] * l[rj + k];
        }
        l[ri + j] = s * l[rj + j];
      }
      double s = a[aOff + i * d + i] + b[bOff + i * d + i];
      for (int k = 0; k < i; k++) {
        s -= l[ri + k] * l[ri + k];
      }
      if (!(s > 0.0)) {
        return false;
      }
      l[ri + i] = 1.0 / Math.sqrt(s);
    }
    return true;
  }

  /** ln det(L L^T) = -2 sum ln(1 / L_ii). */
  static double logDet(double[] l, int lOff, int d) {
    double s = 0.0;
    for (int i = 0; i < d; i++) {
      s -= Math.log(l[lOff + i * d + i]);
    }
    return 2.0 * s;
  }

  /** Solves {@code L y = b} (forward substitution); {@code y} may alias {@code b}. */
  static void forward(double[] l, int lOff, double[] b, int bOff, double[] y, int yOff, int d) {
    for (int i = 0; i < d; i++) {
      int ri = lOff + i * d;
      double s = b[bOff + i];
      for (int k = 0; k < i; k++) {
        s -= l[ri + k] * y[yOff + k];
      }
      y[yOff + i] = s * l[ri + i];
    }
  }

  /** Solves {@code L^T x = y} (back substitution); {@code x} may alias {@code y}. */
  static void backward(double[] l, int lOff, double[] y, int yOff, double[] x, int xOff, int d) {
    for (int i = d - 1; i >= 0; i--) {
      double s = y[yOff + i];
      for (int k = i + 1; k < d; k++) {
        s -= l[lOff + k * d + i] * x[xOff + k];
      }
      x[xOff + i] = s * l[lOff + i * d + i];
    }
  }

  /**
   * Writes the lower-triangular inverse of {@code L} into {@code inv} (lower triangle, true values
   * on the diagonal), row by row from L X = I: row i of X is (e_i - sum_{k<i} L_ik X_k) / L_ii.
   */
  static void invertLower(double[] l, int lOff, double[] inv, int invOff, int d) {
    for (int i = 0; i < d; i++) {
      int xi = invOff + i * d;
      for (int b = 0; b < i; b++) {
        inv[xi + b] = 0.0;
      }
      for (int k = 0; k < i; k++) {
        double lik = l[lOff + i * d + k];
        int xk = invOff + k * d;
        for (int b = 0; b <= k; b++) {
          inv[xi + b] -= lik * inv[xk + b];
        }
      }
      double r = l[lOff + i * d + i];
      for (int b = 0; b < i; b++) {
        inv[xi + b] *= r;
      }
      inv[xi + i] = r;
    }
  }
}
