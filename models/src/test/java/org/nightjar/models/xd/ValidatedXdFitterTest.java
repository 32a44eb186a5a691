package org.nightjar.models.xd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The seed's star/galaxy set-up on synthetic 3-D data: feature 0 a magnitude, 1 a colour, 2 a
 * PSF-minus-model magnitude that is truly 0 for stars and positive for galaxies.
 */
class ValidatedXdFitterTest {

  private static final int N = 3000;
  private static final int D = 3;
  private static final int PINNED = 2;

  /** Points with their true class; every third point is a star. */
  private static final boolean[] IS_STAR = new boolean[N];
  private static final NoisyData DATA = synthetic(new Random(11));

  private static NoisyData synthetic(Random rnd) {
    double[] x = new double[N * D];
    double[] s = new double[N * D * D];
    for (int i = 0; i < N; i++) {
      boolean star = i % 3 == 0;
      IS_STAR[i] = star;
      double mag = 18 + 3 * rnd.nextDouble();
      double colour = star ? 0.5 + 0.3 * rnd.nextGaussian() : 1.0 + 0.2 * rnd.nextGaussian();
      double diff = star ? 0.0 : 0.4 + 0.15 * rnd.nextGaussian();
      double err = 0.02 + 0.1 * rnd.nextDouble();
      double[] sd = {0.03, err, err};
      double[] t = {mag, colour, diff};
      for (int a = 0; a < D; a++) {
        x[i * D + a] = t[a] + sd[a] * rnd.nextGaussian();
        s[i * D * D + a * D + a] = sd[a] * sd[a];
      }
    }
    return NoisyData.of(D, x, s);
  }

  private static GaussianMixture init() {
    double[][] mean = new double[4][];
    double[][][] cov = new double[4][][];
    for (int j = 0; j < 4; j++) {
      mean[j] = DATA.point(200 * j + 1);
      cov[j] = new double[][] {{1.0, 0.1, 0.05}, {0.1, 0.5, 0.05}, {0.05, 0.05, 0.3}};
    }
    return GaussianMixture.of(new double[] {0.25, 0.25, 0.25, 0.25}, mean, cov);
  }

  @Test
  void shouldKeepStarConstraintsAndTheBestValidationParameters() {
    StarGalaxyConstraints sg = StarGalaxyConstraints.firstHalfStars(4, PINNED);
    XdFitOptions opts = sg.applyTo(XdFitOptions.builder().optThreads(2).optMaxUpdates(200)).build();
    ValidatedXdFitter.Split split = ValidatedXdFitter.splitRandomly(DATA, 0.2, 5);
    assertEquals(600, split.validation().size());
    GaussianMixture start = sg.constrain(init());

    XdValidatedFitResult r = new ValidatedXdFitter(opts, 2, 3).fit(split, start);

    for (int j : sg.starComponents()) {
      assertEquals(0.0, r.best().mean(j)[PINNED], "star mean pinned");
      double[][] v = r.best().covariance(j);
      assertEquals(0.0, v[PINNED][0]);
      assertEquals(0.0, v[1][PINNED]);
    }
    for (double v : r.validationTrajectory()) {
      assertTrue(v <= r.bestValidationLogLikelihood());
    }
    assertTrue(r.bestUpdates() > 0 && r.bestUpdates() <= r.updatesRun());
    // The kept parameters are exactly those of a plain fit stopped after bestUpdates updates.
    XdFitResult replay = new XdFitter(opts.withStopping(r.bestUpdates(), Double.NEGATIVE_INFINITY))
        .fit(split.train(), start);
    assertArrayEquals(replay.mixture().flatCovariances(), r.best().flatCovariances());
    assertArrayEquals(replay.mixture().flatMeans(), r.best().flatMeans());
  }

  @Test
  void starProbabilityShouldSeparateTheClasses() {
    StarGalaxyConstraints sg = StarGalaxyConstraints.firstHalfStars(4, PINNED);
    XdFitOptions opts = sg.applyTo(XdFitOptions.builder().optMaxUpdates(300)).build();
    GaussianMixture fit = new XdFitter(opts).fit(DATA, sg.constrain(init())).mixture();
    XdPrior prior = new XdPrior(fit, sg.starComponents(), List.of(
        new PriorFeature("mag", "magnitude"), new PriorFeature("colour", "colour"),
        new PriorFeature("psf_minus_model", "PSF minus model magnitude")));
    int correct = 0;
    for (int i = 0; i < N; i++) {
      double p = prior.starProbability(DATA.point(i), noise(i));
      if ((p > 0.5) == IS_STAR[i]) {
        correct++;
      }
    }
    assertTrue(correct > 0.9 * N, "accuracy " + correct / (double) N);
  }

  private static double[][] noise(int i) {
    double[] s = DATA.sView();
    double[][] out = new double[D][D];
    for (int a = 0; a < D; a++) {
      for (int b = 0; b < D; b++) {
        out[a][b] = s[i * D * D + a * D + b];
      }
    }
    return out;
  }
}
