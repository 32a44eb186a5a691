package org.nightjar.models.xd;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve of a score against binary labels, computed exactly as the
 * Mann-Whitney statistic: the probability that a random positive scores above a random negative,
 * ties counting one half (average ranks).
 *
 * <p>Stateless; thread-safe.
 */
public final class RocAuc {

  private RocAuc() {}

  /**
   * @param scores higher means "more positive"; must be finite
   * @param positive the labels
   * @throws IllegalArgumentException when lengths differ, a score is not finite, or either class is empty
   */
  public static double of(double[] scores, boolean[] positive) {
    int n = scores.length;
    if (positive.length != n) {
      throw new IllegalArgumentException("scores and labels differ in length: " + n + " vs " + positive.length);
    }
    Integer[] order = new Integer[n];
    long nPos = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is not finite: " + scores[i]);
      }
      order[i] = i;
      if (positive[i]) {
        nPos++;
      }
    }
    long nNeg = n - nPos;
    if (nPos == 0 || nNeg == 0) {
      throw new IllegalArgumentException("need both classes, got " + nPos + " positive and " + nNeg + " negative");
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double rankSumPos = 0.0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1.0;
      for (int t = i; t <= j; t++) {
        if (positive[order[t]]) {
          rankSumPos += averageRank;
        }
      }
      i = j + 1;
    }
    return (rankSumPos - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
  }

  /**
   * A 95% percentile bootstrap interval of the AUC: {@code rounds} resamples of the points with
   * replacement (seeded); resamples with one class missing are skipped. {@code {NaN, NaN}} when
   * every resample missed a class.
   */
  public static double[] bootstrapInterval(double[] scores, boolean[] positive, int rounds, long seed) {
    java.util.Random rnd = new java.util.Random(seed);
    int n = scores.length;
    double[] aucs = new double[rounds];
    int kept = 0;
    for (int r = 0; r < rounds; r++) {
      boolean[] y = new boolean[n];
      double[] s = new double[n];
      int pos = 0;
      for (int i = 0; i < n; i++) {
        int pick = rnd.nextInt(n);
        y[i] = positive[pick];
        s[i] = scores[pick];
        pos += y[i] ? 1 : 0;
      }
      if (pos > 0 && pos < n) {
        aucs[kept++] = of(s, y);
      }
    }
    if (kept == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] sorted = java.util.Arrays.copyOf(aucs, kept);
    java.util.Arrays.sort(sorted);
    return new double[] {sorted[(int) Math.floor(0.025 * (kept - 1))], sorted[(int) Math.ceil(0.975 * (kept - 1))]};
  }
}
