package org.nightjar.models.index;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Coarse centroids for {@link ClusteredLatentIndex}: Lloyd's k-means on a seeded sample of the
 * rows, started from distinct sampled rows.
 *
 * <p>Why not commons-math3's {@code KMeansPlusPlusClusterer}: it measures every (point, centroid)
 * pair in a scalar loop over boxed points, about 10⁴ times the work of a few thousand centroids
 * over a sample of 10⁵ rows per iteration; here each assignment step is one batched nearest-centroid
 * search by {@link ExactLatentIndex} (a BLAS product), and k-means++ seeding (one pass over the
 * sample per centroid) is replaced by random distinct rows, which Lloyd's iterations then move.
 *
 * <p>Deterministic: the sample and the initial rows come from the seed, ties go to the lower
 * centroid, and sums are taken in double in row order.
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
    float[][] centroids = new float[count][];
    int[] start = sample(count, sample.length, random);
    for (int c = 0; c < count; c++) {
      centroids[c] = sample[start[c]].clone();
    }
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
