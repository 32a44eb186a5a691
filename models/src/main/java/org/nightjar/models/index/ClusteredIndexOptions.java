package org.nightjar.models.index;

/**
 * Settings of {@link ClusteredLatentIndex}, an inverted file over k-means lists.
 *
 * @param lists coarse centroids, hence lists, to build (at most the number of rows; lists left
 *     empty by k-means are dropped)
 * @param probes lists scanned per query, nearest centroids first: the recall/speed knob, traded
 *     without a rebuild by {@link ClusteredLatentIndex#withProbes}
 * @param sampleSize rows k-means is trained on (a seeded sample; all rows when there are fewer)
 * @param iterations most Lloyd iterations (it stops earlier once no sampled row changes list)
 * @param seed seed of the sample and of the initial centroids; the same seed and rows give the
 *     same index
 */
public record ClusteredIndexOptions(int lists, int probes, int sampleSize, int iterations, long seed) {

  /** Rows of k-means' sample per centroid, as a multiple of the number of lists. */
  static final int SAMPLE_PER_LIST = 64;

  public ClusteredIndexOptions {
    if (lists < 1 || probes < 1 || sampleSize < 1 || iterations < 0) {
      throw new IllegalArgumentException("lists, probes, sampleSize ≥ 1 and iterations ≥ 0 required, got "
          + lists + ", " + probes + ", " + sampleSize + ", " + iterations);
    }
  }

  /**
   * Defaults for {@code size} rows: about {@code 2 √size} lists, 64 sampled rows per list, 12
   * iterations, 4 probes, seed 1.
   *
   * <p>Measured with {@link IndexBenchmark} (search {@code ivf}) over 1,000,000 rows, one core:
   * on kind {@code real} (about 600 noisy copies of each real embedding) 1,000 lists left some
   * lists holding several clouds (the longest 11,000 rows) and reached recall@5 0.999 at 2 probes
   * at less than half the rate of 2,000 lists; 4,000 split most clouds, needed 4 probes for 0.99,
   * searched more centroids and took 56 s to build; 2,000 lists reached 0.997 at 2 probes and 1.0
   * at 4. On {@code real-manifold} 2,000 lists reached 0.987 at 2 probes and 0.996 at 4, hence 4
   * (over 100,000 {@code real-manifold} rows, 632 lists: 0.988 at 4 probes, 0.997 at 8).
   */
  public static ClusteredIndexOptions forSize(int size) {
    int lists = (int) Math.max(1, Math.round(2.0 * Math.sqrt(size)));
    return new ClusteredIndexOptions(lists, 4, Math.multiplyExact(SAMPLE_PER_LIST, lists), 12, 1L);
  }

  public ClusteredIndexOptions withProbes(int count) {
    return new ClusteredIndexOptions(lists, count, sampleSize, iterations, seed);
  }

  /** These options with {@code count} lists and a sample of 64 rows per list. */
  public ClusteredIndexOptions withLists(int count) {
    return new ClusteredIndexOptions(count, probes, Math.multiplyExact(SAMPLE_PER_LIST, count), iterations, seed);
  }
}
