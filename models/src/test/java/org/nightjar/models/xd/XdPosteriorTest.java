package org.nightjar.models.xd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Posterior of single points against the 50-digit reference for data set A's converged model. */
class XdPosteriorTest {

  private static final JsonNode REF = ReferenceData.json("xdA_posterior.json");
  private static final GaussianMixture MODEL = ReferenceData.mixture(REF.get("model"));
  private static final double TOL = 1e-12;

  @Test
  void shouldMatchReferencePosteriorForEveryTestPoint() {
    assertEquals(20, REF.get("points").size());
    for (JsonNode p : REF.get("points")) {
      String id = "point " + p.get("index").asInt();
      XdPosterior post = XdPosterior.of(MODEL, ReferenceData.vector(p.get("x")), ReferenceData.matrix(p.get("S")));
      Approx.close(p.get("loglike").asDouble(), post.logLikelihood(), TOL, id + " loglike");
      Approx.close(ReferenceData.vector(p.get("log_alpha_N")), post.logWeightedDensities(), TOL, id + " ln p");
      Approx.close(ReferenceData.vector(p.get("r")), post.responsibilities(), TOL, id + " r");
      for (int j = 0; j < MODEL.components(); j++) {
        Approx.close(ReferenceData.vector(p.get("comp_post_mean").get(j)), post.componentMean(j), TOL, id + " b_" + j);
        double[][] bigB = ReferenceData.matrix(p.get("comp_post_cov").get(j));
        for (int a = 0; a < 2; a++) {
          Approx.close(bigB[a], post.componentCovariance(j)[a], TOL, id + " B_" + j);
        }
      }
      Approx.close(ReferenceData.vector(p.get("post_mean")), post.mean(), TOL, id + " mean");
      double[][] cov = ReferenceData.matrix(p.get("post_cov"));
      for (int a = 0; a < 2; a++) {
        Approx.close(cov[a], post.covariance()[a], TOL, id + " cov");
      }
    }
  }

  @Test
  void responsibilitiesShouldIncludeTheComponentWeights() {
    // Same point, one component's weight changed: its responsibility must move with alpha_j.
    double[] x = {1.0, 1.0};
    double[][] s = {{0.1, 0.0}, {0.0, 0.1}};
    double[][] mean = {{0.0, 0.0}, {2.0, 2.0}};
    double[][][] cov = {{{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}};
    XdPosterior even = XdPosterior.of(GaussianMixture.of(new double[] {0.5, 0.5}, mean, cov), x, s);
    XdPosterior skewed = XdPosterior.of(GaussianMixture.of(new double[] {0.9, 0.1}, mean, cov), x, s);
    assertEquals(0.5, even.responsibilities()[0], 1e-15);
    assertEquals(0.9, skewed.responsibilities()[0], 1e-15);
  }

  @Test
  void shouldRejectNonFiniteMeasurement() {
    assertThrows(IllegalArgumentException.class,
        () -> XdPosterior.of(MODEL, new double[] {Double.NaN, 0.0}, new double[][] {{1, 0}, {0, 1}}));
  }
}
