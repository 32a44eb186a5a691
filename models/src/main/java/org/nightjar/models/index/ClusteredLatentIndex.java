package org.nightjar.models.index;

import java.util.Arrays;
import java.util.Objects;

/**
 * Approximate k-nearest-neighbour search by an inverted file: the rows are grouped by their
 * nearest coarse centroid (k-means, {@link KMeansCentroids}), and a query scans exactly the rows
 * of its {@link ClusteredIndexOptions#probes()} nearest centroids.
 *
 * <p>Why lists and not a graph: latent data made of many tight isotropic clouds leave a graph's
 * neighbour lists nearly random inside a cloud (all its points are about equally far from a
 * query), so a beam has to visit most of the cloud; the true neighbours of a query sit in the
 * lists of the few centroids of its cloud, which the probes reach directly.
 *
 * <p>Layout: the rows of a list are stored together, column by column: one array per list and
 * coordinate, so that scoring one query against a list is, for each coordinate, one loop over the
 * list with the same index on the column and on the scores, which the JIT turns into vector
 * instructions. Why not one flat array: with a column at an offset inside the array the JIT
 * (JDK 17) cannot rule out that the scores alias it and leaves the loop scalar, about 8 times
 * slower on cached data; a row-by-row dot product it does not vectorise either.
 *
 * <p>Search: the probed centroids of a whole batch come from one {@link ExactLatentIndex} over the
 * centroids (a BLAS product); each query's lists are then scored in float, and every row within
 * the float rounding bound of the {@code k}-th best score is measured again in double and ranked
 * by {@link ExactDistances}. So distances are exact, and with every list probed the answers equal
 * the exact index's, ties included; what fewer probes may lose is rows in lists not scanned (the
 * recall). A query whose probed lists hold fewer than {@code k} rows takes further lists, nearest
 * centroid first, until it has {@code min(k, size())}.
 *
 * <p>Memory: the rows once, as floats ({@code 4 d} bytes a row), a row id each, and the centroid
 * index. Immutable once built and safe to search from several threads at once (a search works on
 * arrays of its own). Building is deterministic for a seed.
 */
public final class ClusteredLatentIndex implements LatentIndex {

  private final int dimension;
  private final int size;
  /** Coordinate j of the i-th row of list l at {@code columns[l·d + j][i]}. */
  private final float[][] columns;
  /** The original row of each stored position. */
  private final int[] ids;
  /** List l holds stored positions {@code starts[l]} to {@code starts[l + 1]} − 1; no list is empty. */
  private final int[] starts;
  private final float[] centroidRows;
  private final ExactLatentIndex centroids;
  private final ClusteredIndexOptions options;
  /** Relative float rounding bound of a list score, widened to a factor on the k-th best score. */
  private final double keepFactor;

  private ClusteredLatentIndex(int dimension, int size, float[][] columns, int[] ids, int[] starts, float[] centroidRows,
      ExactLatentIndex centroids, ClusteredIndexOptions options) {
    this.dimension = dimension;
    this.size = size;
    this.columns = columns;
    this.ids = ids;
    this.starts = starts;
    this.centroidRows = centroidRows;
    this.centroids = centroids;
    this.options = options;
    // A score sums d rounded squares of rounded differences: relative error at most γ(d + 2).
    double terms = dimension + 2;
    double gamma = terms * 0x1p-24 / (1.0 - terms * 0x1p-24);
    this.keepFactor = (1.0 + gamma) / (1.0 - gamma) * (1.0 + 0x1p-20);
  }

  /** Builds the index over copies of {@code vectors} (rows numbered in that order), defaults for their number. */
  public static ClusteredLatentIndex build(float[][] vectors) {
    return build(vectors, ClusteredIndexOptions.forSize(vectors == null ? 1 : Math.max(1, vectors.length)));
  }

  public static ClusteredLatentIndex build(float[][] vectors, ClusteredIndexOptions options) {
    Objects.requireNonNull(options, "options");
    float[] flat = Vectors.flatten(vectors); // also validates the set before k-means reads it
    int dimension = vectors[0].length;
    float[][] trained = KMeansCentroids.train(vectors, options.lists(), options.sampleSize(), options.iterations(),
        options.seed());
    int[] nearest = KMeansCentroids.assign(ExactLatentIndex.build(trained), vectors);

    // Keep the centroids that got rows, renumbered in order; count each list's rows.
    int[] members = new int[trained.length];
    for (int c : nearest) {
      members[c]++;
    }
    int[] renumbered = new int[trained.length];
    int lists = 0;
    for (int c = 0; c < trained.length; c++) {
      renumbered[c] = members[c] > 0 ? lists++ : -1;
    }
    float[][] kept = new float[lists][];
    int[] starts = new int[lists + 1];
    for (int c = 0; c < trained.length; c++) {
      if (renumbered[c] >= 0) {
        kept[renumbered[c]] = trained[c];
        starts[renumbered[c] + 1] = members[c];
      }
    }
    for (int l = 0; l < lists; l++) {
      starts[l + 1] += starts[l];
    }

    // Rows in row order within each list, then each list transposed into its columns.
    int[] ids = new int[vectors.length];
    int[] fill = Arrays.copyOf(starts, lists);
    for (int row = 0; row < vectors.length; row++) {
      ids[fill[renumbered[nearest[row]]]++] = row;
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
    return new ClusteredLatentIndex(dimension, vectors.length, columns, ids, starts, Vectors.flatten(kept),
        ExactLatentIndex.build(kept), options);
  }

  /** The same lists searched with {@code count} probes (no rebuild). */
  public ClusteredLatentIndex withProbes(int count) {
    return new ClusteredLatentIndex(dimension, size, columns, ids, starts, centroidRows, centroids,
        options.withProbes(count));
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int size() {
    return size;
  }

  /** Lists actually built (k-means may leave some of the requested ones empty; those are dropped). */
  public int lists() {
    return starts.length - 1;
  }

  /** Rows in the longest list. */
  public int longestList() {
    int longest = 0;
    for (int l = 0; l < lists(); l++) {
      longest = Math.max(longest, starts[l + 1] - starts[l]);
    }
    return longest;
  }

  public ClusteredIndexOptions options() {
    return options;
  }

  /** Bytes on the Java heap: the rows, their ids, the list bounds and the centroids. */
  public long heapBytes() {
    return 4L * size * dimension + 16L * columns.length + 4L * ids.length + 4L * starts.length + 4L * centroidRows.length
        + centroids.heapBytes();
  }

  /** Bytes of the centroid index in ND4J's native memory. */
  public long nativeBytes() {
    return centroids.nativeBytes();
  }

  @Override
  public Neighbourhoods search(float[][] queries, int k) {
    Vectors.checkSearch(queries, k, dimension);
    int n = queries.length;
    int wanted = Math.min(k, size);
    int[][] outRows = new int[n][];
    float[][] outDistances = new float[n][];
    if (n == 0) {
      return new Neighbourhoods(outRows, outDistances);
    }
    int probes = Math.min(options.probes(), lists());
    int[][] probed = centroids.search(queries, probes).rows();
    ListScan scan = new ListScan(wanted);
    for (int q = 0; q < n; q++) {
      int[] lists = probed[q];
      if (rowsIn(lists) < wanted) {
        lists = enoughLists(queries[q], wanted);
      }
      outRows[q] = new int[wanted];
      outDistances[q] = new float[wanted];
      scan.search(queries[q], lists, outRows[q], outDistances[q]);
    }
    return new Neighbourhoods(outRows, outDistances);
  }

  private int rowsIn(int[] lists) {
    int total = 0;
    for (int l : lists) {
      total += starts[l + 1] - starts[l];
    }
    return total;
  }

  /** The nearest lists of {@code query} that hold at least {@code wanted} rows together (rare: tiny lists). */
  private int[] enoughLists(float[] query, int wanted) {
    int count = lists();
    int[] all = new int[count];
    for (int l = 0; l < count; l++) {
      all[l] = l;
    }
    int[] order = new int[count];
    ExactDistances.rank(query, centroidRows, dimension, all, count, order, new float[count]);
    int taken = 0;
    int rows = 0;
    while (rows < wanted) {
      rows += starts[order[taken] + 1] - starts[order[taken]];
      taken++;
    }
    return Arrays.copyOf(order, taken);
  }

  /** One search's working arrays, reused from query to query of a batch; not shared between threads. */
  private final class ListScan {
    private final int wanted;
    private final float[] best;
    private float[] scores = new float[1024];
    private float[] listScores = new float[256];
    private int[] positions = new int[64];
    private double[] squared = new double[64];
    private int[] rows = new int[64];

    ListScan(int wanted) {
      this.wanted = wanted;
      this.best = new float[wanted];
    }

    /** The {@code wanted} nearest rows of {@code query} among those of {@code lists}, ranked exactly. */
    void search(float[] query, int[] lists, int[] rowsOut, float[] distancesOut) {
      int total = rowsIn(lists);
      if (scores.length < total) {
        scores = new float[Math.max(total, 2 * scores.length)];
      }
      int at = 0;
      for (int l : lists) {
        int length = starts[l + 1] - starts[l];
        score(query, l, length);
        System.arraycopy(listScores, 0, scores, at, length);
        at += length;
      }
      // Every row whose float score may hide a true distance among the k best: up to keepFactor × the k-th best.
      double limit = kthSmallest(total) * keepFactor + dimension * (double) Float.MIN_NORMAL;
      int count = 0;
      at = 0;
      for (int l : lists) {
        int length = starts[l + 1] - starts[l];
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
    if (found >= 0) {
      // starts are strictly increasing (no empty list), so this is the list that begins here.
      return found;
    }
    return -found - 2;
  }
}
