package org.nightjar.models.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusterFitterTest {

  private static float[][] blobs(int k, int each, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] v = new float[k * each][4];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < each; i++) {
        for (int d = 0; d < 4; d++) {
          v[c * each + i][d] = (float) ((d == c % 4 ? 10 * (1 + c / 4) : 0) + 0.5 * r.nextGaussian());
        }
      }
    }
    return v;
  }

  @Test
  void shouldChooseTheNumberOfWellSeparatedBlobsBySilhouette() {
    LatentClusters c = ClusterFitter.standard(1).fit(blobs(5, 60, 2));
    assertEquals(5, c.k());
    int[] sizes = c.sizes().clone();
    Arrays.sort(sizes);
    assertArrayEquals(new int[] {60, 60, 60, 60, 60}, sizes);
    assertEquals(6, c.silhouettes().size(), "every K of 3..8 is recorded");
  }

  @Test
  void shouldBeDeterministicForASeed() {
    float[][] v = blobs(4, 50, 3);
    LatentClusters a = ClusterFitter.standard(9).fit(v);
    LatentClusters b = ClusterFitter.standard(9).fit(v);
    assertEquals(a.k(), b.k());
    for (int i = 0; i < a.k(); i++) {
      assertArrayEquals(a.centroids()[i], b.centroids()[i]);
    }
  }
}
