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
   * Defaults for {@code size} rows: about {@code 4 √size} lists, 64 sampled rows per list, 12
   * iterations, 6 probes, seed 1.
   *
   * <p>Measured with {@link IndexBenchmark} (search {@code ivf}), one core, recall@5 at queries/s.
   * Over 1,000,000 rows of kind {@code real} (about 600 noisy copies of each real embedding):
   * 1,000 lists left some lists holding several clouds (the longest 11,000 rows), 0.999 at 2
   * probes and 11,500; 2,000 lists 0.997 at 2 probes and 26,800; 4,000 lists 0.998 at 4 probes and
   * 14,300, 1.0 at 6 and 14,600. Over 1,000,000 {@code real-manifold} rows, where lists meet
   * along a continuous manifold and a query near a border needs its neighbours' lists too: 1,000
   * lists 0.990 at 3 probes and 7,300; 2,000 lists 0.996 at 4 probes and 10,200 to 12,000; 4,000
   * lists 0.994 at 4 probes and 19,900, 0.999 at 6 and 15,000. Over 100,000 rows, 1,265 lists at
   * 6 probes: {@code real} 1.0 at 41,000, {@code real-manifold} 0.994 at 35,000 (632 lists needed
   * 8 probes for 0.997, at 13,900). Smaller lists cost a longer centroid search and k-means (about
   * 50 s for 4,000 lists over a million rows), still far below the graph's minutes.
   */
  public static ClusteredIndexOptions forSize(int size) {
    int lists = (int) Math.max(1, Math.round(4.0 * Math.sqrt(size)));
    return new ClusteredIndexOptions(lists, 6, Math.multiplyExact(SAMPLE_PER_LIST, lists), 12, 1L);
  }

  public ClusteredIndexOptions withProbes(int count) {
    return new ClusteredIndexOptions(lists, count, sampleSize, iterations, seed);
  }

  /** These options with {@code count} lists and a sample of 64 rows per list. */
  public ClusteredIndexOptions withLists(int count) {
    return new ClusteredIndexOptions(count, probes, Math.multiplyExact(SAMPLE_PER_LIST, count), iterations, seed);
  }
}
