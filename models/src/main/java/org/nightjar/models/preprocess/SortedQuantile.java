package org.nightjar.models.preprocess;

/**
 * The quantile of values already sorted ascending, by linear interpolation between the two
 * nearest order statistics (position {@code q * (n - 1)}; Hyndman and Fan's type 7, the default of
 * R and NumPy). One definition for calibration tables, search-space percentiles and evaluation.
 */
public final class SortedQuantile {
  private SortedQuantile() {}

  /**
   * @param sorted ascending, at least one value
   * @param q within 0..1
   */
  public static double of(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
