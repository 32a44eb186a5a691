package org.nightjar.models.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * <p>Layout: the rows of a list are stored together, column by column ({@link InvertedLists}), so
 * the scan of a list is a loop the JIT vectorises.
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
  private final InvertedLists lists;
  private final float[] centroidRows;
  private final ExactLatentIndex centroids;
  private final ClusteredIndexOptions options;

  private ClusteredLatentIndex(int dimension, int size, InvertedLists lists, float[] centroidRows,
      ExactLatentIndex centroids, ClusteredIndexOptions options) {
    this.dimension = dimension;
    this.size = size;
    this.lists = lists;
    this.centroidRows = centroidRows;
    this.centroids = centroids;
    this.options = options;
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

    // Keep the centroids that got rows, renumbered in order.
    boolean[] used = new boolean[trained.length];
    for (int c : nearest) {
      used[c] = true;
    }
    int[] renumbered = new int[trained.length];
    List<float[]> kept = new ArrayList<>();
    for (int c = 0; c < trained.length; c++) {
      renumbered[c] = used[c] ? kept.size() : -1;
      if (used[c]) {
        kept.add(trained[c]);
      }
    }
    int[] list = new int[vectors.length];
    for (int row = 0; row < vectors.length; row++) {
      list[row] = renumbered[nearest[row]];
    }
    float[][] centroids = kept.toArray(float[][]::new);
    InvertedLists lists = InvertedLists.of(flat, vectors.length, dimension, list, centroids.length);
    return new ClusteredLatentIndex(dimension, vectors.length, lists, Vectors.flatten(centroids),
        ExactLatentIndex.build(centroids), options);
  }

  /** The same lists searched with {@code count} probes (no rebuild). */
  public ClusteredLatentIndex withProbes(int count) {
    return new ClusteredLatentIndex(dimension, size, lists, centroidRows, centroids, options.withProbes(count));
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
    return lists.lists();
  }

  /** Rows in the longest list. */
  public int longestList() {
    int longest = 0;
    for (int l = 0; l < lists.lists(); l++) {
      longest = Math.max(longest, lists.length(l));
    }
    return longest;
  }

  public ClusteredIndexOptions options() {
    return options;
  }

  /** Bytes on the Java heap: the rows, their ids, the list bounds and the centroids. */
  public long heapBytes() {
    return lists.bytes() + 4L * centroidRows.length + centroids.heapBytes();
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
    int[][] outRows = new int[n][wanted];
    float[][] outDistances = new float[n][wanted];
    if (n == 0) {
      return new Neighbourhoods(outRows, outDistances);
    }
    int[][] probed = centroids.search(queries, Math.min(options.probes(), lists.lists())).rows();
    InvertedLists.Scan scan = lists.scan(wanted);
    for (int q = 0; q < n; q++) {
      int[] scanned = lists.rowsIn(probed[q]) < wanted ? enoughLists(queries[q], wanted) : probed[q];
      scan.search(queries[q], scanned, outRows[q], outDistances[q]);
    }
    return new Neighbourhoods(outRows, outDistances);
  }

  /** The nearest lists of {@code query} that hold at least {@code wanted} rows together (rare: tiny lists). */
  private int[] enoughLists(float[] query, int wanted) {
    int count = lists.lists();
    int[] all = new int[count];
    for (int l = 0; l < count; l++) {
      all[l] = l;
    }
    int[] order = new int[count];
    ExactDistances.rank(query, centroidRows, dimension, all, count, order, new float[count]);
    int taken = 0;
    int rows = 0;
    while (rows < wanted) {
      rows += lists.length(order[taken]);
      taken++;
    }
    return Arrays.copyOf(order, taken);
  }
}
