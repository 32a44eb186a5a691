package org.nightjar.models.artifact;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * A logistic regression on standardised features with an L2 penalty on the weights (not on the
 * intercept), fitted by Newton's method (iteratively reweighted least squares). Its output is a
 * probability, calibrated in the sense that the fitted mean equals the training positive rate;
 * the small penalty keeps weights finite when a feature separates the classes.
 *
 * <p>Immutable; thread-safe.
 *
 * @param means feature means of the training data (for standardising)
 * @param scales feature standard deviations of the training data (1 where a feature is constant)
 * @param weights one weight per standardised feature
 */
public record LogisticRegression(double[] means, double[] scales, double[] weights, double intercept) {

  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-10;

  public LogisticRegression {
    Objects.requireNonNull(means, "means");
    if (scales.length != means.length || weights.length != means.length) {
      throw new IllegalArgumentException("means, scales and weights differ in length");
    }
    for (int i = 0; i < means.length; i++) {
      if (!Double.isFinite(means[i]) || !(scales[i] > 0) || !Double.isFinite(weights[i])) {
        throw new IllegalArgumentException("feature " + i + " has a non-finite mean, weight or a scale <= 0");
      }
    }
    if (!Double.isFinite(intercept)) {
      throw new IllegalArgumentException("intercept is not finite");
    }
  }

  public int features() {
    return means.length;
  }

  /** P(positive | x). */
  public double probability(double[] x) {
    if (x.length != means.length) {
      throw new IllegalArgumentException(x.length + " features given, the model has " + means.length);
    }
    double z = intercept;
    for (int i = 0; i < x.length; i++) {
      z += weights[i] * (x[i] - means[i]) / scales[i];
    }
    return sigmoid(z);
  }

  /**
   * Fits the model.
   *
   * @param x one row of features per example
   * @param positive the label of each example
   * @param l2 penalty on the squared weights of the standardised features (e.g. 1.0)
   */
  public static LogisticRegression fit(double[][] x, boolean[] positive, double l2) {
    double[] target = new double[positive.length];
    for (int i = 0; i < target.length; i++) {
      target[i] = positive[i] ? 1 : 0;
    }
    return fit(x, target, l2);
  }

  /**
   * Fits the model to soft targets: {@code target[i]} in 0..1 is the probability that example
   * {@code i} is positive (the cross-entropy to it is minimised).
   */
  public static LogisticRegression fit(double[][] x, double[] target, double l2) {
    int n = x.length;
    for (double t : target) {
      if (!(t >= 0 && t <= 1)) {
        throw new IllegalArgumentException("targets must lie within 0..1, got " + t);
      }
    }
    if (n == 0 || target.length != n) {
      throw new IllegalArgumentException("need as many labels as rows, and at least one row");
    }
    int p = x[0].length;
    double[] means = new double[p];
    double[] scales = new double[p];
    for (double[] row : x) {
      for (int j = 0; j < p; j++) {
        means[j] += row[j] / n;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < p; j++) {
        scales[j] += (row[j] - means[j]) * (row[j] - means[j]) / n;
      }
    }
    for (int j = 0; j < p; j++) {
      scales[j] = scales[j] > 1e-24 ? Math.sqrt(scales[j]) : 1.0;
    }
    double[][] z = new double[n][p + 1];
    for (int i = 0; i < n; i++) {
      z[i][0] = 1.0;
      for (int j = 0; j < p; j++) {
        z[i][j + 1] = (x[i][j] - means[j]) / scales[j];
      }
    }
    double[] beta = new double[p + 1];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[p + 1];
      double[][] hessian = new double[p + 1][p + 1];
      for (int i = 0; i < n; i++) {
        double mu = sigmoid(dot(beta, z[i]));
        double w = Math.max(mu * (1 - mu), 1e-12);
        double r = target[i] - mu;
        for (int a = 0; a <= p; a++) {
          gradient[a] += r * z[i][a];
          for (int b = a; b <= p; b++) {
            hessian[a][b] += w * z[i][a] * z[i][b];
          }
        }
      }
      for (int a = 1; a <= p; a++) {
        gradient[a] -= l2 * beta[a];
        hessian[a][a] += l2;
      }
      for (int a = 0; a <= p; a++) {
        for (int b = 0; b < a; b++) {
          hessian[a][b] = hessian[b][a];
        }
      }
      RealMatrix h = new Array2DRowRealMatrix(hessian, false);
      RealVector step = new CholeskyDecomposition(h, 1e-14, 1e-14).getSolver().solve(new ArrayRealVector(gradient, false));
      double change = 0;
      for (int a = 0; a <= p; a++) {
        beta[a] += step.getEntry(a);
        change = Math.max(change, Math.abs(step.getEntry(a)));
      }
      if (change < TOLERANCE) {
        break;
      }
    }
    double[] weights = java.util.Arrays.copyOfRange(beta, 1, p + 1);
    return new LogisticRegression(means, scales, weights, beta[0]);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
}
