package org.nightjar.models.xd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Extreme Deconvolution EM against Bovy's C library on reference data set A (N=1000, D=2, K=8). */
class XdFitterTest {

  private static final double REL = 1e-9;
  private static final NoisyData DATA = ReferenceData.datasetA();
  private static final GaussianMixture INIT = ReferenceData.mixture(ReferenceData.json("xdA_init.json"));
  private static final JsonNode RESULTS = ReferenceData.json("xdA_results.json");

  private static XdFitOptions.Builder base() {
    return XdFitOptions.builder().optThreads(1);
  }

  @Test
  void shouldReproduceTrajectoryAndParametersForFiftyUpdates() {
    double[] expected = ReferenceData.vector(RESULTS.at("/trajectory/L_bovyC"));
    JsonNode params = RESULTS.get("params_after_n_updates_bovyC");
    try (XdEm em = new XdEm(DATA, INIT, base().build())) {
      for (int n = 0; n <= 50; n++) {
        JsonNode p = params.get(Integer.toString(n));
        if (p != null) {
          Approx.close(ReferenceData.mixture(p), em.current(), REL, "theta_" + n);
        }
        double l = n < 50 ? em.update() : em.logLikelihood();
        Approx.close(expected[n], l, REL, "L_" + n);
      }
    }
  }

  @Test
  void shouldMatchMarkedTrajectoryValuesFromTheFitter() {
    XdFitResult r = new XdFitter(base().optMaxUpdates(21).optTolerance(Double.NEGATIVE_INFINITY).build()).fit(DATA, INIT);
    assertEquals(21, r.updates());
    double[] t = r.trajectory();
    for (int n : new int[] {0, 1, 2, 5, 10, 20}) {
      Approx.close(RESULTS.at("/trajectory/marked/" + n + "/bovyC").asDouble(), t[n], REL, "L_" + n);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"w0", "w0.1", "fixmean0-3"})
  void shouldConvergeAtTheSameUpdateAsBovy(String run) {
    JsonNode ref = RESULTS.get("converged").get(run);
    XdFitOptions.Builder b = base().optRegularization(ref.get("w").asDouble()).optTolerance(ref.get("tol").asDouble());
    for (int j = 0; j < INIT.components(); j++) {
      if (ref.get("fixmean").get(j).asBoolean()) {
        b.optFixMean(j);
      }
    }
    XdFitter fitter = new XdFitter(b.build());
    XdFitResult r = fitter.fit(DATA, INIT);

    assertTrue(r.converged());
    assertEquals(ref.get("n_updates").asInt(), r.updates());
    Approx.close(ReferenceData.vector(ref.get("trajectory_bovyC")), r.trajectory(), REL, run + " trajectory");
    Approx.close(ref.get("returned_avgloglike_bovyC").asDouble(), r.lastLogLikelihood(), REL, run + " returned L");
    Approx.close(ref.get("L_final_bovyC").asDouble(), fitter.logLikelihood(DATA, r.mixture()), REL, run + " final L");
    Approx.close(ReferenceData.mixture(ref.get("final_params_bovyC")), r.mixture(), 1e-8, run + " params");
    for (int j = 0; j < INIT.components(); j++) {
      if (ref.get("fixmean").get(j).asBoolean()) {
        assertArrayEquals(INIT.mean(j), r.mixture().mean(j), run + " fixed mean " + j);
      }
    }
  }

  @Test
  void tinyResponsibilityFloorShouldStillMatchBovy() {
    JsonNode ref = RESULTS.get("converged").get("w0");
    XdFitter fitter = new XdFitter(base().optResponsibilityFloor(1e-15).build());
    XdFitResult r = fitter.fit(DATA, INIT);
    assertEquals(ref.get("n_updates").asInt(), r.updates());
    Approx.close(ref.get("returned_avgloglike_bovyC").asDouble(), r.lastLogLikelihood(), REL, "returned L");
    Approx.close(ReferenceData.mixture(ref.get("final_params_bovyC")), r.mixture(), 1e-8, "params");
  }

  @Test
  void shouldGiveTheSameResultOnOneAndTwoThreads() {
    XdFitOptions opts = base().optMaxUpdates(30).optTolerance(Double.NEGATIVE_INFINITY).build();
    XdFitResult one = new XdFitter(opts).fit(DATA, INIT);
    XdFitResult two = new XdFitter(opts.withThreads(2)).fit(DATA, INIT);
    // Blocks are reduced in a fixed order, so even the rounding is the same.
    assertArrayEquals(one.trajectory(), two.trajectory());
    assertArrayEquals(one.mixture().flatCovariances(), two.mixture().flatCovariances());
    assertArrayEquals(one.mixture().flatMeans(), two.mixture().flatMeans());
  }

  @Test
  void shouldRecoverSampleCovarianceMinusNoiseForOneGaussianWithEqualNoise() {
    // For K = 1 and S_i = S for all i the XD fixed point is m = mean(x), V = cov(x) - S (ddof 0).
    int n = 4000;
    int d = 3;
    Random rnd = new Random(7);
    double[][] a = {{1.0, 0.0, 0.0}, {0.5, 0.8, 0.0}, {-0.3, 0.2, 0.6}};
    double[] noise = {0.30, 0.05, 0.02, 0.05, 0.20, -0.03, 0.02, -0.03, 0.25};
    double[] x = new double[n * d];
    double[] s = new double[n * d * d];
    for (int i = 0; i < n; i++) {
      double[] z = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
      for (int r = 0; r < d; r++) {
        double v = 1.0 + r;
        for (int c = 0; c <= r; c++) {
          v += a[r][c] * z[c];
        }
        x[i * d + r] = v + 0.5 * rnd.nextGaussian();
      }
      System.arraycopy(noise, 0, s, i * d * d, d * d);
    }
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < d; r++) {
        mean[r] += x[i * d + r] / n;
      }
    }
    GaussianMixture init = GaussianMixture.of(new double[] {1.0}, new double[][] {{0, 0, 0}},
        new double[][][] {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
    XdFitResult r = new XdFitter(XdFitOptions.builder().optTolerance(1e-13).optMaxUpdates(20000).build())
        .fit(NoisyData.of(d, x, s), init);

    double[][] v = r.mixture().covariance(0);
    for (int p = 0; p < d; p++) {
      Approx.close(mean[p], r.mixture().mean(0)[p], 1e-9, "mean " + p);
      for (int q = 0; q < d; q++) {
        double cov = 0.0;
        for (int i = 0; i < n; i++) {
          cov += (x[i * d + p] - mean[p]) * (x[i * d + q] - mean[q]);
        }
        Approx.close(cov / n - noise[p * d + q], v[p][q], 1e-6, "V " + p + q);
      }
    }
  }
}
