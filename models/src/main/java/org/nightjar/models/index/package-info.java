/**
 * k-nearest-neighbour search in the latent space: the {@link org.nightjar.models.index.LatentIndex}
 * contract and its three implementations, chosen by {@link org.nightjar.models.index.IndexKind}.
 *
 * <ul>
 *   <li>{@link org.nightjar.models.index.ExactLatentIndex}: every row, one BLAS product per chunk of
 *       rows and block of queries; exact answers (equal to a double-precision brute force).</li>
 *   <li>{@link org.nightjar.models.index.ApproximateLatentIndex}: a graph built by jvector, walked
 *       by the index's own beam search over a compact breadth-first copy (or by jvector's searcher,
 *       {@link org.nightjar.models.index.GraphSearch}), tuned by
 *       {@link org.nightjar.models.index.ApproximateIndexOptions}; exact distances for the rows it
 *       finds, recall below 1.</li>
 *   <li>{@link org.nightjar.models.index.ClusteredLatentIndex}: an inverted file, rows grouped by
 *       their nearest k-means centroid, a query scanning the lists of its nearest few centroids
 *       ({@link org.nightjar.models.index.ClusteredIndexOptions}); exact distances for the rows it
 *       scans, recall below 1 unless every list is probed.</li>
 *   <li>Measurement: {@code IndexBenchmark} in the {@code benchmarks} module ({@code nightjar bench index})
 *       on three kinds of data, told apart by their intrinsic dimension
 *       ({@code IntrinsicDimension}).</li>
 * </ul>
 *
 * <p>All copy the vectors they are built from, are immutable afterwards and may be searched from
 * several threads at once.
 */
package org.nightjar.models.index;
