package org.nightjar.models.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reference the indexes are checked against, written as plainly as possible: every distance
 * in double, a full sort by (distance, row), the first k. Also the test data sets.
 */
final class BruteForce {

  private BruteForce() {}

  /** The exact answer, computed the obvious way. */
  static Neighbourhoods search(float[][] references, float[][] queries, int k) {
    int wanted = Math.min(k, references.length);
    int[][] rows = new int[queries.length][wanted];
    float[][] distances = new float[queries.length][wanted];
    for (int q = 0; q < queries.length; q++) {
      List<double[]> all = new ArrayList<>();
      for (int r = 0; r < references.length; r++) {
        double sum = 0.0;
        for (int j = 0; j < queries[q].length; j++) {
          double diff = (double) queries[q][j] - references[r][j];
          sum += diff * diff;
        }
        all.add(new double[] {sum, r});
      }
      all.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
      for (int j = 0; j < wanted; j++) {
        rows[q][j] = (int) all.get(j)[1];
        distances[q][j] = (float) Math.sqrt(all.get(j)[0]);
      }
    }
    return new Neighbourhoods(rows, distances);
  }

  static float[][] gaussian(int n, int d, double mean, double scale, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] v = new float[n][d];
    for (float[] row : v) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) (mean + scale * gaussian(random));
      }
    }
    return v;
  }

  /**
   * Points of low intrinsic dimension, as embeddings are: {@code latent}-dimensional standard
   * normal coordinates mapped linearly into {@code d} dimensions, plus isotropic noise.
   */
  static float[][] lowRank(int n, int d, int latent, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] map = new double[latent][d];
    for (double[] row : map) {
      for (int j = 0; j < d; j++) {
        row[j] = gaussian(random);
      }
    }
    float[][] v = new float[n][d];
    double[] z = new double[latent];
    for (float[] row : v) {
      for (int a = 0; a < latent; a++) {
        z[a] = gaussian(random);
      }
      for (int j = 0; j < d; j++) {
        double x = noise * gaussian(random);
        for (int a = 0; a < latent; a++) {
          x += z[a] * map[a][j];
        }
        row[j] = (float) x;
      }
    }
    return v;
  }

  static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
  }
}
