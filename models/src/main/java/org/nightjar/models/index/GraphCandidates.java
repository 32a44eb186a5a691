package org.nightjar.models.index;

/**
 * Where {@link ApproximateLatentIndex} gets the rows it measures exactly: a walk over a graph,
 * with the vectors stored in the walk's own numbering of the rows.
 *
 * <p>Implementations are immutable and safe to search from several threads at once.
 */
interface GraphCandidates {

  /**
   * Walks the graph for {@code scaledQuery} with a beam of {@code beam} nodes and writes into
   * {@code out} the nodes whose exact distances may rank among the first {@code wanted}
   * (at least {@code wanted} of them); returns how many.
   */
  int candidates(float[] scaledQuery, int beam, int wanted, int[] out);

  /** The scaled vectors, row-major, in the walk's numbering. */
  float[] vectors();

  /** The caller's row number of {@code node}. */
  int row(int node);

  /** Bytes of the graph (the vectors not included). */
  long graphBytes();

  /** Average neighbours per node in the bottom layer. */
  double averageDegree();
}
