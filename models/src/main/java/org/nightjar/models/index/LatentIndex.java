package org.nightjar.models.index;

/**
 * k-nearest-neighbour search over a fixed set of reference vectors in the latent space, by L2
 * distance. Rows are numbered in the order the vectors were given when the index was built; the
 * caller maps them to alert ids.
 *
 * <p>Implementations are immutable once built and safe to search from several threads at once.
 */
public interface LatentIndex {

  /** Length of every vector. */
  int dimension();

  /** Number of reference vectors. */
  int size();

  /**
   * The {@code k} nearest reference rows of each query, nearest first, with their L2 distances.
   * A query gets {@code min(k, size())} neighbours.
   *
   * @param queries one vector of length {@link #dimension()} per query
   */
  Neighbourhoods search(float[][] queries, int k);
}
