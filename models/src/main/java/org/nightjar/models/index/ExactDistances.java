package org.nightjar.models.index;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The one definition of distance both indexes return: the squared L2 distance summed in double
 * over the float components in order, and neighbours ranked by it with the lower row first on
 * ties. Float products only choose candidates; what a caller sees always comes from here, so two
 * indexes (or an index and a brute-force check) that find the same rows report identical figures.
 */
public final class ExactDistances {

  /** Above this many candidates an index sort beats insertion sort. */
  private static final int INSERTION_LIMIT = 32;

  private ExactDistances() {}

  /** Squared distance from {@code query} to row {@code row} of {@code flat} (row-major, {@code dimension} wide). */
  static double squared(float[] query, float[] flat, int row, int dimension) {
    int base = row * dimension;
    double sum = 0.0;
    for (int j = 0; j < dimension; j++) {
      double diff = (double) query[j] - flat[base + j];
      sum += diff * diff;
    }
    return sum;
  }

  /** Squared distance between two vectors of one length, summed in double in the same way. */
  public static double squared(float[] a, float[] b) {
    double sum = 0.0;
    for (int j = 0; j < a.length; j++) {
      double diff = (double) a[j] - b[j];
      sum += diff * diff;
    }
    return sum;
  }

  /** Sorts the first {@code count} pairs by squared distance, then row. */
  public static void sort(double[] squared, int[] rows, int count) {
    if (count <= INSERTION_LIMIT) {
      for (int i = 1; i < count; i++) {
        double d = squared[i];
        int r = rows[i];
        int j = i;
        while (j > 0 && (squared[j - 1] > d || (squared[j - 1] == d && rows[j - 1] > r))) {
          squared[j] = squared[j - 1];
          rows[j] = rows[j - 1];
          j--;
        }
        squared[j] = d;
        rows[j] = r;
      }
      return;
    }
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> squared[i]).thenComparingInt(i -> rows[i]));
    double[] d = Arrays.copyOf(squared, count);
    int[] r = Arrays.copyOf(rows, count);
    for (int i = 0; i < count; i++) {
      squared[i] = d[order[i]];
      rows[i] = r[order[i]];
    }
  }

  /**
   * The {@code k} nearest of the candidate rows (distinct, any order) to {@code query}, by exact
   * distance: fills {@code rowsOut} and {@code distancesOut}, both of length {@code k ≤ count}.
   */
  static void rank(float[] query, float[] flat, int dimension, int[] candidates, int count, int[] rowsOut,
      float[] distancesOut) {
    double[] squared = new double[count];
    int[] rows = Arrays.copyOf(candidates, count);
    for (int i = 0; i < count; i++) {
      squared[i] = squared(query, flat, rows[i], dimension);
    }
    sort(squared, rows, count);
    for (int i = 0; i < rowsOut.length; i++) {
      rowsOut[i] = rows[i];
      distancesOut[i] = (float) Math.sqrt(squared[i]);
    }
  }
}
