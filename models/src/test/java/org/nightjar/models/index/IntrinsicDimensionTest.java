package org.nightjar.models.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The dimension estimates on data whose dimension is known by construction. */
class IntrinsicDimensionTest {

  @Test
  void shouldFindTheDimensionOfALowRankSetInsideManyDimensions() {
    float[][] points = BruteForce.lowRank(3000, 64, 4, 0.0, 41);
    assertEquals(4.0, IntrinsicDimension.twoNn(points), 0.6);
    assertEquals(4, IntrinsicDimension.principalComponents(points, 0.999));
  }

  @Test
  void shouldSeeIsotropicNoiseAsFullDimensional() {
    float[][] points = BruteForce.gaussian(3000, 16, 0.0, 1.0, 42);
    assertEquals(16.0, IntrinsicDimension.twoNn(points), 2.5);
    assertTrue(IntrinsicDimension.principalComponents(points, 0.9) >= 13);
  }

  @Test
  void shouldAgreeWhenTheNeighboursComeFromAnIndex() {
    float[][] points = BruteForce.lowRank(3000, 32, 5, 0.0, 43);
    double byPairs = IntrinsicDimension.twoNn(points);
    double byIndex = IntrinsicDimension.twoNn(ExactLatentIndex.build(points), points, 3000);
    assertEquals(byPairs, byIndex, 1e-4 * byPairs);
  }

  @Test
  void shouldLeaveOutExactDuplicates() {
    double d = IntrinsicDimension.twoNn(new double[] {0.0, 1.0, 1.0}, new double[] {1.0, Math.E, Math.E});
    assertEquals(1.0, d, 1e-12);
    assertTrue(Double.isNaN(IntrinsicDimension.twoNn(new double[] {0.0}, new double[] {1.0})));
  }
}
