package org.nightjar.models.xd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tolerance assertions for numerical comparisons against reference values. */
final class Approx {

  private Approx() {}

  /** |actual - expected| <= rel * max(1, |expected|). */
  static void close(double expected, double actual, double rel, String what) {
    double tol = rel * Math.max(1.0, Math.abs(expected));
    assertTrue(Math.abs(actual - expected) <= tol,
        () -> what + ": expected " + expected + " got " + actual + " (diff " + (actual - expected) + ")");
  }

  static void close(double[] expected, double[] actual, double rel, String what) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      close(expected[i], actual[i], rel, what + "[" + i + "]");
    }
  }

  static void close(GaussianMixture expected, GaussianMixture actual, double rel, String what) {
    close(expected.weights(), actual.weights(), rel, what + " alpha");
    close(expected.flatMeans(), actual.flatMeans(), rel, what + " mean");
    close(expected.flatCovariances(), actual.flatCovariances(), rel, what + " V");
  }
}
