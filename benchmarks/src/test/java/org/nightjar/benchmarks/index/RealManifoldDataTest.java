package org.nightjar.benchmarks.index;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nightjar.models.index.IntrinsicDimension;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kind {@code real-manifold}: every new point stays in its seed's local subspace, the noise has the
 * asked-for length, draws repeat with the seed, and the data keep a low intrinsic dimension where
 * isotropic copies of the same seeds fill every dimension.
 */
class RealManifoldDataTest {

  private static final float[][] SEEDS = SyntheticPoints.onSubspace(400, 64, 8, 51);

  @Test
  void shouldStayInTheSpanOfTheSeedsNeighbourDifferences() {
    RealManifoldData data = new RealManifoldData(SEEDS, 0.25, 1.0);
    SplittableRandom random = new SplittableRandom(52);
    int[][] neighbours = RealManifoldData.nearest(SEEDS, RealManifoldData.NEIGHBOURS);
    for (int seed = 0; seed < 50; seed++) {
      float[] p = data.draw(seed, random);
      double[][] basis = RealManifoldData.orthonormalSpan(SEEDS, seed, neighbours[seed]);
      double[] residual = new double[64];
      double length = 0.0;
      for (int j = 0; j < 64; j++) {
        residual[j] = (double) p[j] - SEEDS[seed][j];
        length += residual[j] * residual[j];
      }
      for (double[] b : basis) {
        double dot = 0.0;
        for (int j = 0; j < 64; j++) {
          dot += residual[j] * b[j];
        }
        for (int j = 0; j < 64; j++) {
          residual[j] -= dot * b[j];
        }
      }
      double left = 0.0;
      for (double r : residual) {
        left += r * r;
      }
      assertTrue(left <= 1e-8 * Math.max(1.0, length), "point " + seed + " leaves its local subspace by " + left);
    }
  }

  @Test
  void shouldHaveAnOrthonormalBasis() {
    double[][] basis = RealManifoldData.orthonormalSpan(SEEDS, 7, RealManifoldData.nearest(SEEDS, 10)[7]);
    assertEquals(8, basis.length, "8 independent directions in lowRank data of rank 8");
    for (int a = 0; a < basis.length; a++) {
      for (int b = 0; b < basis.length; b++) {
        double dot = 0.0;
        for (int j = 0; j < 64; j++) {
          dot += basis[a][j] * basis[b][j];
        }
        assertEquals(a == b ? 1.0 : 0.0, dot, 1e-9);
      }
    }
  }

  @Test
  void shouldRepeatWithTheSameSeed() {
    RealManifoldData data = new RealManifoldData(SEEDS, 0.25, 1.0);
    float[][] a = data.rows(500, new SplittableRandom(53));
    float[][] b = data.rows(500, new SplittableRandom(53));
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i]);
    }
  }

  @Test
  void shouldKeepALowIntrinsicDimensionWhereIsotropicCopiesDoNot() {
    float[][] seeds = java.util.Arrays.copyOf(SEEDS, 100);
    RealManifoldData data = new RealManifoldData(seeds, 0.25, 1.0);
    double manifold = IntrinsicDimension.twoNn(data.rows(4000, new SplittableRandom(54)));
    SplittableRandom random = new SplittableRandom(55);
    float[][] copies = new float[4000][64];
    for (int i = 0; i < copies.length; i++) {
      for (int j = 0; j < 64; j++) {
        copies[i][j] = (float) (seeds[i % seeds.length][j] + 0.25 / 8.0 * IndexBenchmark.normal(random));
      }
    }
    double isotropic = IntrinsicDimension.twoNn(copies);
    assertTrue(manifold <= 10.5, "real-manifold two-NN " + manifold);
    assertTrue(isotropic >= 3 * manifold, "isotropic copies two-NN " + isotropic + ", real-manifold " + manifold);
  }

  @Test
  void shouldNeedMoreSeedsThanNeighbours() {
    assertThrows(IllegalArgumentException.class, () -> new RealManifoldData(SyntheticPoints.gaussian(10, 4, 56), 0.25, 1.0));
  }
}
