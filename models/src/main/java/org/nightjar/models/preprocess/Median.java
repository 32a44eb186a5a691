package org.nightjar.models.preprocess;

/**
 * The median by selection instead of sorting: O(n) rather than O(n log n), and the same value a
 * sort would give (the middle element, or the mean of the two middle ones for even n). Stamp
 * statistics take two medians per cutout (level and MAD), which made sorting the largest single
 * cost of scoring an alert.
 *
 * <p>The values must be finite: NaN has no place in the order.
 */
public final class Median {
  private Median() {}

  /** From this many values, radix selection ({@link RadixSelect}) is faster than a quickselect. */
  static final int RADIX_FROM = 256;

  /** Median of {@code values[0..n)}; may reorder that range in place. */
  public static double ofFirst(double[] values, int n) {
    checkCount(values.length, n);
    int upper = n / 2;
    select(values, n, upper);
    if (n % 2 == 1) {
      return values[upper];
    }
    // After selection everything left of 'upper' is <= it: the lower middle is their maximum.
    double lower = values[0];
    for (int i = 1; i < upper; i++) {
      if (values[i] > lower) {
        lower = values[i];
      }
    }
    return 0.5 * (lower + values[upper]);
  }

  /**
   * Median of {@code values[0..n)}, the same value as {@link #ofFirst(double[], int)} of the same
   * numbers; leaves the range as it is. Pixel statistics take this path: float keys make radix
   * selection cheap.
   */
  public static double ofFloats(float[] values, int n) {
    checkCount(values.length, n);
    if (n < RADIX_FROM) {
      double[] copy = new double[n];
      for (int i = 0; i < n; i++) {
        copy[i] = values[i];
      }
      return ofFirst(copy, n);
    }
    int upper = n / 2;
    if (n % 2 == 1) {
      return RadixSelect.kth(values, n, upper);
    }
    float[] middle = RadixSelect.kthAndNext(values, n, upper - 1);
    return 0.5 * ((double) middle[0] + middle[1]);
  }

  private static void checkCount(int length, int n) {
    if (n <= 0 || n > length) {
      throw new IllegalArgumentException("need 1.." + length + " values, got " + n);
    }
  }

  /**
   * Moves the k-th smallest value to index k, smaller-or-equal ones to its left and
   * greater-or-equal ones to its right (Hoare partition around a median-of-three pivot, which
   * stays linear on the long runs of equal pixels that padded or saturated stamps have).
   */
  static void select(double[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      // Now a[lo..j] <= pivot <= a[i..hi], and anything strictly between j and i equals the pivot.
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
