package org.nightjar.models.xd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Per-point weights and per-component constraints on data set A. */
class XdFitOptionsTest {

  private static final NoisyData DATA = ReferenceData.datasetA();
  private static final GaussianMixture INIT = ReferenceData.mixture(ReferenceData.json("xdA_init.json"));

  private static XdFitOptions.Builder tenUpdates() {
    return XdFitOptions.builder().optThreads(1).optMaxUpdates(10).optTolerance(Double.NEGATIVE_INFINITY);
  }

  @Test
  void integerWeightsShouldEqualDuplicatedPoints() {
    int n = DATA.size();
    double[] w = new double[n];
    int[] idx = new int[n + n / 2];
    for (int i = 0; i < n; i++) {
      w[i] = i % 2 == 0 ? 2.0 : 1.0;
      idx[i] = i;
    }
    for (int i = 0; i < n / 2; i++) {
      idx[n + i] = 2 * i;
    }
    XdFitter fitter = new XdFitter(tenUpdates().build());
    XdFitResult weighted = fitter.fit(DATA.withWeights(w), INIT);
    XdFitResult duplicated = fitter.fit(DATA.subset(idx), INIT);
    Approx.close(duplicated.trajectory(), weighted.trajectory(), 1e-12, "L");
    Approx.close(duplicated.mixture(), weighted.mixture(), 1e-10, "params");
  }

  @Test
  void fixedWeightAndCovarianceShouldStayPut() {
    XdFitResult r = new XdFitter(tenUpdates().optFixWeight(2).optFixCovariance(5).build()).fit(DATA, INIT);
    assertEquals(INIT.weight(2), r.mixture().weight(2));
    for (int a = 0; a < 2; a++) {
      assertArrayEquals(INIT.covariance(5)[a], r.mixture().covariance(5)[a]);
    }
    double sum = 0.0;
    for (double a : r.mixture().weights()) {
      sum += a;
    }
    assertEquals(1.0, sum, 1e-14);
  }

  @Test
  void partlyFixedMeanShouldMoveOnlyInFreeDimensions() {
    XdFitResult r = new XdFitter(tenUpdates().optFixMean(3, 1).build()).fit(DATA, INIT);
    assertEquals(INIT.mean(3)[1], r.mixture().mean(3)[1]);
    assertEquals(false, INIT.mean(3)[0] == r.mixture().mean(3)[0]);
  }

  @Test
  void emptyComponentShouldKeepItsParametersAndDropOut() {
    // A ninth component far from every point gets responsibilities that underflow to exactly 0.
    double[] alpha = new double[9];
    double[][] mean = new double[9][];
    double[][][] cov = new double[9][][];
    for (int j = 0; j < 8; j++) {
      alpha[j] = INIT.weight(j) * 0.99;
      mean[j] = INIT.mean(j);
      cov[j] = INIT.covariance(j);
    }
    alpha[8] = 0.01;
    mean[8] = new double[] {1e4, 1e4};
    cov[8] = new double[][] {{0.01, 0.0}, {0.0, 0.01}};
    GaussianMixture init = GaussianMixture.of(alpha, mean, cov);
    XdFitResult r = new XdFitter(tenUpdates().build()).fit(DATA, init);
    assertEquals(0.0, r.mixture().weight(8));
    assertArrayEquals(mean[8], r.mixture().mean(8));
    assertArrayEquals(cov[8][0], r.mixture().covariance(8)[0]);
    for (double l : r.trajectory()) {
      assertEquals(true, Double.isFinite(l));
    }
    for (double v : r.mixture().flatCovariances()) {
      assertEquals(true, Double.isFinite(v));
    }
  }

  @Test
  void shouldRejectConstraintsOutsideTheMixture() {
    XdFitOptions bad = tenUpdates().optFixMean(8).build();
    assertThrows(IllegalArgumentException.class, () -> new XdFitter(bad).fit(DATA, INIT));
    assertThrows(IllegalArgumentException.class, () -> XdFitOptions.builder().optRegularization(-1));
    assertThrows(IllegalArgumentException.class, () -> XdFitOptions.builder().optThreads(0));
  }

  @Test
  void shouldRejectNonPositiveDefiniteNoise() {
    double[] s = {1.0, 2.0, 2.0, 1.0};
    NoisyData bad = NoisyData.of(2, new double[] {0.0, 0.0}, s);
    GaussianMixture tiny = GaussianMixture.of(new double[] {1.0}, new double[][] {{0, 0}},
        new double[][][] {{{1e-3, 0}, {0, 1e-3}}});
    assertThrows(NonPositiveDefiniteException.class, () -> new XdFitter(tenUpdates().build()).fit(bad, tiny));
  }
}
