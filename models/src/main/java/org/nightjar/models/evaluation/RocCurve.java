package org.nightjar.models.evaluation;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The points of a ROC curve: the false and true positive rates of "score at or above t" for every
 * distinct score t, from (0, 0) to (1, 1). Tied scores move the curve in one diagonal step, so the
 * trapezoidal {@link #area()} equals the Mann-Whitney AUC of {@link org.nightjar.models.xd.RocAuc}.
 *
 * @param falsePositiveRate non-decreasing, from 0 to 1
 * @param truePositiveRate non-decreasing, from 0 to 1, one per false positive rate
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate) {

  /**
   * @param scores higher means "more positive"; must be finite
   * @param positive the labels
   * @throws IllegalArgumentException when lengths differ, a score is not finite, or either class is empty
   */
  public static RocCurve of(double[] scores, boolean[] positive) {
    int n = scores.length;
    if (positive.length != n) {
      throw new IllegalArgumentException("scores and labels differ in length: " + n + " vs " + positive.length);
    }
    Integer[] order = new Integer[n];
    int nPos = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is not finite: " + scores[i]);
      }
      order[i] = i;
      nPos += positive[i] ? 1 : 0;
    }
    int nNeg = n - nPos;
    if (nPos == 0 || nNeg == 0) {
      throw new IllegalArgumentException("need both classes, got " + nPos + " positive and " + nNeg + " negative");
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    double[] fpr = new double[n + 1];
    double[] tpr = new double[n + 1];
    int points = 1;
    int tp = 0;
    int fp = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && scores[order[j]] == scores[order[i]]) {
        if (positive[order[j]]) {
          tp++;
        } else {
          fp++;
        }
        j++;
      }
      fpr[points] = fp / (double) nNeg;
      tpr[points] = tp / (double) nPos;
      points++;
      i = j;
    }
    return new RocCurve(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points));
  }

  /** Trapezoidal area under the points. */
  public double area() {
    double a = 0;
    for (int i = 1; i < falsePositiveRate.length; i++) {
      a += (falsePositiveRate[i] - falsePositiveRate[i - 1]) * (truePositiveRate[i] + truePositiveRate[i - 1]) / 2;
    }
    return a;
  }

  /** The number of points. */
  public int size() {
    return falsePositiveRate.length;
  }
}
