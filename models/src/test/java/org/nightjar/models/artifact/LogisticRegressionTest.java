package org.nightjar.models.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  @Test
  void shouldRecoverTheGeneratingModelAndMatchThePositiveRate() {
    SplittableRandom r = new SplittableRandom(11);
    int n = 20_000;
    double[][] x = new double[n][2];
    boolean[] y = new boolean[n];
    int positives = 0;
    for (int i = 0; i < n; i++) {
      x[i][0] = r.nextGaussian();
      x[i][1] = 3 + 2 * r.nextGaussian();
      double z = -1 + 2 * x[i][0] - 0.5 * (x[i][1] - 3) / 2;
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z));
      positives += y[i] ? 1 : 0;
    }
    LogisticRegression m = LogisticRegression.fit(x, y, 1e-6);
    // Weights are on standardised features: 2 per unit sd of x0 (sd 1), -0.5 per sd of x1.
    assertEquals(2.0, m.weights()[0] * 1 / m.scales()[0] * m.scales()[0], 0.1);
    assertEquals(-0.5, m.weights()[1], 0.1);
    double mean = 0;
    for (double[] row : x) {
      mean += m.probability(row) / n;
    }
    assertEquals(positives / (double) n, mean, 1e-3, "the fitted mean must equal the positive rate");
  }

  @Test
  void shouldStayFiniteWhenAFeatureSeparatesTheClasses() {
    double[][] x = {{0}, {1}, {2}, {3}};
    boolean[] y = {false, false, true, true};
    LogisticRegression m = LogisticRegression.fit(x, y, 1.0);
    assertTrue(Double.isFinite(m.weights()[0]) && m.weights()[0] > 0);
    assertTrue(m.probability(new double[] {3}) > 0.5 && m.probability(new double[] {0}) < 0.5);
  }

  @Test
  void shouldFitSoftTargetsAsTheProbabilitiesTheyAre() {
    SplittableRandom r = new SplittableRandom(13);
    int n = 5_000;
    double[][] x = new double[n][1];
    double[] target = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = r.nextGaussian();
      target[i] = 1 / (1 + Math.exp(-(0.5 + 1.5 * x[i][0])));
    }
    LogisticRegression m = LogisticRegression.fit(x, target, 1e-9);
    // With the exact probabilities as targets the fit is the generating model itself.
    assertEquals(0.5, m.intercept() - m.weights()[0] * m.means()[0] / m.scales()[0], 1e-3);
    assertEquals(1.5, m.weights()[0] / m.scales()[0], 1e-3);
  }
}
