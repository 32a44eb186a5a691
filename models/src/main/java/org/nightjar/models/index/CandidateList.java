package org.nightjar.models.index;

import java.util.Arrays;

/**
 * The candidates of one query while the exact index scans float scores: every row whose score is
 * within {@code slack} of the current {@code k}-th best, kept sorted by score.
 *
 * <p>Float scores carry a bounded rounding error, so the true {@code k} nearest rows are all among
 * the rows scoring at most the {@code k}-th best plus twice that bound; keeping exactly those (and
 * not a fixed number) lets the final double-precision pass return exact results with no second
 * scan, however many rows tie. The list usually holds {@code k} plus a few rows; on data with
 * many duplicates it grows to hold all of them.
 *
 * <p>Not thread-safe: one per query per search.
 */
final class CandidateList {

  private final int k;
  private final float slack;
  private float[] scores;
  private int[] rows;
  private int count;

  /**
   * @param k rows wanted (at least 1)
   * @param slack how far above the {@code k}-th best score a row is still kept (finite, ≥ 0)
   */
  CandidateList(int k, float slack) {
    this.k = k;
    this.slack = slack;
    int capacity = Math.max(4, k + 8);
    this.scores = new float[capacity];
    this.rows = new int[capacity];
  }

  /** Scores at or above this are not worth offering. */
  float threshold() {
    return count < k ? Float.POSITIVE_INFINITY : scores[k - 1] + slack;
  }

  /** Adds {@code row} if it beats {@link #threshold()}; returns the threshold after the offer. */
  float offer(float score, int row) {
    float limit = threshold();
    if (!(score < limit)) {
      return limit;
    }
    int at = count;
    while (at > 0 && scores[at - 1] > score) {
      at--;
    }
    if (count == scores.length) {
      scores = Arrays.copyOf(scores, count * 2);
      rows = Arrays.copyOf(rows, count * 2);
    }
    System.arraycopy(scores, at, scores, at + 1, count - at);
    System.arraycopy(rows, at, rows, at + 1, count - at);
    scores[at] = score;
    rows[at] = row;
    count++;
    if (count > k) {
      float keep = scores[k - 1] + slack;
      while (count > k && !(scores[count - 1] < keep)) {
        count--;
      }
    }
    return threshold();
  }

  int size() {
    return count;
  }

  int row(int i) {
    return rows[i];
  }
}
