package org.nightjar.benchmarks.index;

import java.util.SplittableRandom;

/** Seeded point sets of known structure for the bench data tests. */
final class SyntheticPoints {
  private SyntheticPoints() {}

  /** {@code n} points in R^d drawn from N(0, 1) in each coordinate. */
  static float[][] gaussian(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] points = new float[n][d];
    for (float[] p : points) {
      for (int j = 0; j < d; j++) {
        p[j] = (float) IndexBenchmark.normal(random);
      }
    }
    return points;
  }

  /** {@code n} points on a random {@code latent}-dimensional linear subspace of R^d, as embeddings are: low intrinsic dimension. */
  static float[][] onSubspace(int n, int d, int latent, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] basis = gaussian(latent, d, random.nextLong());
    float[][] points = new float[n][d];
    for (float[] p : points) {
      for (int a = 0; a < latent; a++) {
        double z = IndexBenchmark.normal(random);
        for (int j = 0; j < d; j++) {
          p[j] += (float) (z * basis[a][j]);
        }
      }
    }
    return points;
  }
}
