package org.nightjar.models.index;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Coarse centroids for {@link ClusteredLatentIndex}: Lloyd's k-means on a seeded sample of the
 * rows, started by k-means++ seeding.
 *
 * <p>Why k-means++: latent data come as many tight clouds, and a centroid per cloud keeps each
 * cloud in one list. Seeds drawn with probability proportional to the squared distance to the
 * nearest seed so far land in clouds not yet seeded; uniformly drawn rows leave some clouds
 * unseeded and put several seeds in others, and Lloyd's iterations rarely move a seed from one
 * cloud to another (over 1,000,000 replicated real embeddings, 1,000 lists: the longest held
 * 7,846 rows where a list per cloud would hold about 600).
 *
 * <p>Why not commons-math3's {@code KMeansPlusPlusClusterer}: it measures every (point, centroid)
 * pair in a scalar loop over boxed points, about 10⁴ times the work of a few thousand centroids
 * over a sample of 10⁵ rows per iteration. Here each Lloyd assignment step is one batched
 * nearest-centroid search by {@link ExactLatentIndex} (a BLAS product), and the seeding updates
 * the squared distances of the whole sample to each new seed column by column, a loop the JIT
 * vectorises.
 *
 * <p>Deterministic: the sample and the seeds come from the seed, ties go to the lower centroid,
 * and sums are taken in double in row order.
 */
final class KMeansCentroids {

  /** Rows per batched assignment search: bounds the temporary arrays whatever the number of rows. */
  private static final int ASSIGN_BATCH = 4096;

  private KMeansCentroids() {}

  /** About {@code lists} centroids (fewer when there are fewer rows) of {@code rows}. */
  static float[][] train(float[][] rows, int lists, int sampleSize, int iterations, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] sample = sample(rows, Math.min(sampleSize, rows.length), random);
    int count = Math.min(lists, sample.length);
    float[][] centroids = plusPlus(sample, count, random);
    int[] assigned = new int[sample.length];
    Arrays.fill(assigned, -1);
    int dimension = rows[0].length;
    for (int it = 0; it < iterations; it++) {
      int[] next = assign(ExactLatentIndex.build(centroids), sample);
      if (Arrays.equals(next, assigned)) {
        break;
      }
      assigned = next;
      double[][] sums = new double[count][dimension];
      int[] members = new int[count];
      for (int i = 0; i < sample.length; i++) {
        double[] sum = sums[assigned[i]];
        for (int j = 0; j < dimension; j++) {
          sum[j] += sample[i][j];
        }
        members[assigned[i]]++;
      }
      for (int c = 0; c < count; c++) {
        if (members[c] == 0) {
          // An empty centroid restarts at a random sampled row, most likely in a crowded list.
          centroids[c] = sample[random.nextInt(sample.length)].clone();
          continue;
        }
        for (int j = 0; j < dimension; j++) {
          centroids[c][j] = (float) (sums[c][j] / members[c]);
        }
      }
    }
    return centroids;
  }

  /**
   * k-means++ seeds: the first a uniformly drawn row, each next one drawn with probability
   * proportional to its squared distance (in float) to the nearest seed so far. When every row
   * coincides with a seed the rest repeat the first seed (their lists stay empty and are dropped).
   */
  private static float[][] plusPlus(float[][] sample, int count, SplittableRandom random) {
    int n = sample.length;
    int dimension = sample[0].length;
    float[][] columns = new float[dimension][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dimension; j++) {
        columns[j][i] = sample[i][j];
      }
    }
    float[][] seeds = new float[count][];
    seeds[0] = sample[random.nextInt(n)].clone();
    float[] nearest = new float[n];
    Arrays.fill(nearest, Float.POSITIVE_INFINITY);
    float[] squared = new float[n];
    for (int c = 1; c < count; c++) {
      Arrays.fill(squared, 0f);
      for (int j = 0; j < dimension; j++) {
        addSquares(squared, columns[j], seeds[c - 1][j], n);
      }
      double total = 0.0;
      for (int i = 0; i < n; i++) {
        nearest[i] = Math.min(nearest[i], squared[i]);
        total += nearest[i];
      }
      if (!(total > 0.0)) {
        seeds[c] = seeds[0].clone();
        continue;
      }
      double target = random.nextDouble() * total;
      int pick = n - 1;
      double sum = 0.0;
      for (int i = 0; i < n; i++) {
        sum += nearest[i];
        if (sum > target && nearest[i] > 0f) {
          pick = i;
          break;
        }
      }
      seeds[c] = sample[pick].clone();
    }
    return seeds;
  }

  /** {@code squared[i] += (column[i] − value)²}: the same index on both arrays, so the JIT vectorises it. */
  private static void addSquares(float[] squared, float[] column, float value, int length) {
    for (int i = 0; i < length; i++) {
      float t = column[i] - value;
      squared[i] += t * t;
    }
  }

  /** The nearest centroid of every row (the lower one on ties), by batched exact searches. */
  static int[] assign(ExactLatentIndex centroids, float[][] rows) {
    int[] nearest = new int[rows.length];
    for (int from = 0; from < rows.length; from += ASSIGN_BATCH) {
      int to = Math.min(rows.length, from + ASSIGN_BATCH);
      Neighbourhoods found = centroids.search(Arrays.copyOfRange(rows, from, to), 1);
      for (int i = from; i < to; i++) {
        nearest[i] = found.rows()[i - from][0];
      }
    }
    return nearest;
  }

  /** {@code count} of the rows drawn without replacement, in row order (not copied). */
  private static float[][] sample(float[][] rows, int count, SplittableRandom random) {
    int[] picked = sample(count, rows.length, random);
    Arrays.sort(picked);
    float[][] out = new float[count][];
    for (int i = 0; i < count; i++) {
      out[i] = rows[picked[i]];
    }
    return out;
  }

  /** {@code count} distinct indexes below {@code n}, drawn uniformly (a partial Fisher–Yates shuffle). */
  private static int[] sample(int count, int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return Arrays.copyOf(order, count);
  }
}
