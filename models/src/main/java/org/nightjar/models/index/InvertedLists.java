package org.nightjar.models.index;

import java.util.Arrays;

/**
 * The rows of {@link ClusteredLatentIndex} grouped into lists, and the scan of a query's lists.
 *
 * <p>Layout: the rows of a list are stored together, column by column: one array per list and
 * coordinate, so that scoring one query against a list is, for each coordinate, one loop over the
 * list with the same index on the column and on the scores, which the JIT turns into vector
 * instructions. Why not one flat array: with a column at an offset inside the array the JIT
 * (JDK 17) cannot rule out that the scores alias it and leaves the loop scalar, about 8 times
 * slower on cached data; a row-by-row dot product it does not vectorise either.
 *
 * <p>A scan scores rows in float and keeps every row within the float rounding bound of the
 * {@code k}-th best score, measures those again in double and ranks them by {@link ExactDistances}:
 * the answer is exactly the {@code k} nearest rows of the lists scanned, ties to the lower row.
 *
 * <p>Immutable; a {@link Scan} holds one search's working arrays and is not shared between threads.
 */
final class InvertedLists {

  private final int dimension;
  /** Coordinate j of the i-th row of list l at {@code columns[l·d + j][i]}. */
  private final float[][] columns;
  /** The original row of each stored position. */
  private final int[] ids;
  /** List l holds stored positions {@code starts[l]} to {@code starts[l + 1]} − 1; no list is empty. */
  private final int[] starts;
  /** Relative float rounding bound of a score, widened to a factor on the k-th best score. */
  private final double keepFactor;

  private InvertedLists(int dimension, float[][] columns, int[] ids, int[] starts) {
    this.dimension = dimension;
    this.columns = columns;
    this.ids = ids;
    this.starts = starts;
    // A score sums d rounded squares of rounded differences: relative error at most γ(d + 2).
    double terms = dimension + 2;
    double gamma = terms * 0x1p-24 / (1.0 - terms * 0x1p-24);
    this.keepFactor = (1.0 + gamma) / (1.0 - gamma) * (1.0 + 0x1p-20);
  }

  /**
   * The rows of {@code flat} ({@code size} × {@code dimension}, row-major) grouped by {@code list},
   * their list numbers ({@code 0 ≤ list[row] < lists}, every list holding at least one row), in row
   * order within a list.
   */
  static InvertedLists of(float[] flat, int size, int dimension, int[] list, int lists) {
    int[] starts = new int[lists + 1];
    for (int l : list) {
      starts[l + 1]++;
    }
    for (int l = 0; l < lists; l++) {
      if (starts[l + 1] == 0) {
        throw new IllegalArgumentException("list " + l + " is empty");
      }
      starts[l + 1] += starts[l];
    }
    int[] ids = new int[size];
    int[] fill = Arrays.copyOf(starts, lists);
    for (int row = 0; row < size; row++) {
      ids[fill[list[row]]++] = row;
    }
    float[][] columns = new float[lists * dimension][];
    for (int l = 0; l < lists; l++) {
      int length = starts[l + 1] - starts[l];
      for (int j = 0; j < dimension; j++) {
        columns[l * dimension + j] = new float[length];
      }
      for (int i = 0; i < length; i++) {
        int from = ids[starts[l] + i] * dimension;
        for (int j = 0; j < dimension; j++) {
          columns[l * dimension + j][i] = flat[from + j];
        }
      }
    }
    return new InvertedLists(dimension, columns, ids, starts);
  }

  int lists() {
    return starts.length - 1;
  }

  int length(int list) {
    return starts[list + 1] - starts[list];
  }

  /** Rows in the given lists together. */
  int rowsIn(int[] lists) {
    int total = 0;
    for (int l : lists) {
      total += length(l);
    }
    return total;
  }

  /** Bytes on the Java heap: the rows (and an array header per column), their ids, the list bounds. */
  long bytes() {
    return 4L * ids.length * dimension + 16L * columns.length + 4L * ids.length + 4L * starts.length;
  }

  /** Working arrays for scans returning {@code wanted} rows each. */
  Scan scan(int wanted) {
    return new Scan(wanted);
  }

  /** One search's working arrays, reused from query to query of a batch; not shared between threads. */
  final class Scan {
    private final int wanted;
    private final float[] best;
    private float[] scores = new float[1024];
    private float[] listScores = new float[256];
    private int[] positions = new int[64];
    private double[] squared = new double[64];
    private int[] rows = new int[64];

    private Scan(int wanted) {
      this.wanted = wanted;
      this.best = new float[wanted];
    }

    /**
     * The {@code wanted} nearest rows of {@code query} among those of {@code lists} (together at
     * least {@code wanted}), ranked exactly.
     */
    void search(float[] query, int[] lists, int[] rowsOut, float[] distancesOut) {
      int total = rowsIn(lists);
      if (scores.length < total) {
        scores = new float[Math.max(total, 2 * scores.length)];
      }
      int at = 0;
      for (int l : lists) {
        int length = length(l);
        score(query, l, length);
        System.arraycopy(listScores, 0, scores, at, length);
        at += length;
      }
      // Every row whose float score may hide a true distance among the k best: up to keepFactor × the k-th best.
      double limit = kthSmallest(total) * keepFactor + dimension * (double) Float.MIN_NORMAL;
      int count = 0;
      at = 0;
      for (int l : lists) {
        int length = length(l);
        for (int i = 0; i < length; i++) {
          if (scores[at + i] <= limit) {
            if (count == positions.length) {
              grow();
            }
            positions[count++] = starts[l] + i;
          }
        }
        at += length;
      }
      for (int c = 0; c < count; c++) {
        squared[c] = exactSquared(query, positions[c]);
        rows[c] = ids[positions[c]];
      }
      ExactDistances.sort(squared, rows, count);
      for (int i = 0; i < wanted; i++) {
        rowsOut[i] = rows[i];
        distancesOut[i] = (float) Math.sqrt(squared[i]);
      }
    }

    /**
     * Float squared distances from {@code query} to the {@code length} rows of list {@code list},
     * into {@code listScores}: coordinate by coordinate over the list's columns, the hot loop.
     */
    private void score(float[] query, int list, int length) {
      if (listScores.length < length) {
        listScores = new float[Math.max(length, 2 * listScores.length)];
      }
      Arrays.fill(listScores, 0, length, 0f);
      for (int j = 0; j < dimension; j++) {
        addSquares(listScores, columns[list * dimension + j], query[j], length);
      }
    }

    /** The {@code wanted}-th smallest of the first {@code total} scores. */
    private float kthSmallest(int total) {
      Arrays.fill(best, Float.POSITIVE_INFINITY);
      float worst = Float.POSITIVE_INFINITY;
      for (int i = 0; i < total; i++) {
        float s = scores[i];
        if (s < worst) {
          int p = wanted - 1;
          while (p > 0 && best[p - 1] > s) {
            best[p] = best[p - 1];
            p--;
          }
          best[p] = s;
          worst = best[wanted - 1];
        }
      }
      return worst;
    }

    /** The double squared distance of a stored position, summed in coordinate order as {@link ExactDistances} does. */
    private double exactSquared(float[] query, int position) {
      int list = listOf(position);
      int i = position - starts[list];
      double sum = 0.0;
      for (int j = 0; j < dimension; j++) {
        double diff = (double) query[j] - columns[list * dimension + j][i];
        sum += diff * diff;
      }
      return sum;
    }

    private void grow() {
      int capacity = positions.length * 2;
      positions = Arrays.copyOf(positions, capacity);
      squared = Arrays.copyOf(squared, capacity);
      rows = Arrays.copyOf(rows, capacity);
    }
  }

  /** {@code scores[i] += (column[i] − value)²}: the same index on both arrays, so the JIT vectorises it. */
  private static void addSquares(float[] scores, float[] column, float value, int length) {
    for (int i = 0; i < length; i++) {
      float t = column[i] - value;
      scores[i] += t * t;
    }
  }

  /** The list holding a stored position. */
  private int listOf(int position) {
    int found = Arrays.binarySearch(starts, position);
    // starts are strictly increasing (no empty list): an exact hit is the list that begins there.
    return found >= 0 ? found : -found - 2;
  }
}
