package org.nightjar.models.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nightjar.models.testing.StubAlert;
import org.nightjar.schemas.Cutout;

class DifferenceStatisticsTest {

  private static final int SIZE = 63;

  @Test
  void shouldLightOnlyPositivePixelsForAPointSource() throws Exception {
    float[] difference = noise(1);
    addGaussian(difference, 31, 31, 50, 1.5);
    double[] s = DifferenceStatistics.of(StubAlert.withCutouts(1, triplet(difference)));
    assertTrue(s[1] > 0.01 && s[1] < 0.1, "positive share " + s[1]);
    assertTrue(s[0] < 0.01, "negative share " + s[0]);
    assertEquals(0, s[2], 1e-12);
  }

  @Test
  void shouldLightBothSignsForAMisalignedSubtraction() throws Exception {
    float[] difference = noise(2);
    addGaussian(difference, 29, 31, 50, 1.5);
    addGaussian(difference, 33, 31, -50, 1.5);
    double[] s = DifferenceStatistics.of(StubAlert.withCutouts(2, triplet(difference)));
    assertTrue(s[0] > 0.01 && s[1] > 0.01, s[0] + " " + s[1]);
  }

  @Test
  void shouldCountMaskedPixelsOfAllThreeStampsAndSkipThemInTheShares() throws Exception {
    float[] difference = noise(3);
    for (int x = 0; x < SIZE; x++) {
      difference[31 * SIZE + x] = Float.NaN;
    }
    Cutout[] t = triplet(difference);
    double[] s = DifferenceStatistics.of(StubAlert.withCutouts(3, t));
    assertEquals(SIZE / (3.0 * SIZE * SIZE), s[2], 1e-9);
    // Pure noise: about 0.13% beyond 3 sigma on each side; the NaN row is not counted as either.
    assertTrue(s[0] < 0.02 && s[1] < 0.02, s[0] + " " + s[1]);
  }

  @Test
  void shouldGiveZerosForAnAllMaskedDifferenceAndCountAMissingStampAsMasked() throws Exception {
    float[] nan = new float[SIZE * SIZE];
    java.util.Arrays.fill(nan, Float.NaN);
    double[] s = DifferenceStatistics.of(StubAlert.withCutouts(4, triplet(nan)));
    assertArrayEquals(new double[] {0, 0, 1.0 / 3}, s, 1e-12);
    double[] none = DifferenceStatistics.of(StubAlert.withoutCutouts(5));
    assertArrayEquals(new double[] {0, 0, 1}, none, 1e-12);
  }

  private static Cutout[] triplet(float[] difference) {
    return new Cutout[] {Cutout.of(SIZE, SIZE, noise(10)), Cutout.of(SIZE, SIZE, noise(11)),
        Cutout.of(SIZE, SIZE, difference)};
  }

  private static float[] noise(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] p = new float[SIZE * SIZE];
    for (int i = 0; i < p.length; i++) {
      // Sum of uniforms: close enough to Gaussian noise of unit sigma around a sky of 100.
      double u = 0;
      for (int j = 0; j < 12; j++) {
        u += r.nextDouble();
      }
      p[i] = (float) (100 + u - 6);
    }
    return p;
  }

  private static void addGaussian(float[] p, int cx, int cy, double peak, double sigma) {
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        p[y * SIZE + x] += (float) (peak * Math.exp(-r2 / (2 * sigma * sigma)));
      }
    }
  }
}
