package org.nightjar.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

  @Test
  void shouldTurnADescriptorIntoARisingNormalScoreThatKeepsGrowingOutsideTheData() {
    SplittableRandom r = new SplittableRandom(5);
    List<double[]> d = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      d.add(new double[] {Math.exp(r.nextGaussian())}); // skewed, as the real descriptors are
    }
    SearchSpace space = SearchSpace.fit(2, List.of("x"), d, 1.0);
    double median = space.vector(new float[2], new double[] {1.0})[2];
    assertEquals(0.0, median, 0.1);
    double previous = Double.NEGATIVE_INFINITY;
    for (double x = -5; x < 100; x += 0.05) {
      double z = space.vector(new float[2], new double[] {x})[2];
      assertTrue(z >= previous, "normal score fell at " + x);
      previous = z;
    }
    assertTrue(space.vector(new float[2], new double[] {-5})[2] < -4, "far below the data must be far out");
    assertTrue(space.vector(new float[2], new double[] {100})[2] > 4, "far above the data must be far out");
  }

  @Test
  void shouldKeepTheLatentVectorAndWeightTheDescriptors() {
    List<double[]> d = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      d.add(new double[] {i});
    }
    float[] latent = {0.5f, -2f};
    float[] once = SearchSpace.fit(2, List.of("x"), d, 1.0).vector(latent, new double[] {90});
    float[] twice = SearchSpace.fit(2, List.of("x"), d, 2.0).vector(latent, new double[] {90});
    assertEquals(0.5f, once[0]);
    assertEquals(-2f, once[1]);
    assertEquals(2 * once[2], twice[2], 1e-5);
    assertEquals(2, SearchSpace.latentOnly(2).vector(latent, new double[0]).length);
  }
}
