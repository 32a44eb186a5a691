package org.nightjar.models.index;

/** How {@link ApproximateLatentIndex} walks the graph jvector built. */
public enum GraphSearch {
  /**
   * The index's own beam search ({@link GraphWalk}) over a compact copy of the graph, nodes and
   * vectors renumbered breadth-first; ranks by float squared distance and measures exactly only
   * the nodes that may be among the k nearest.
   */
  COMPACT,
  /**
   * As {@link #COMPACT}, ranking by distances to byte-quantised copies of the vectors
   * ({@link QuantizedRows}: a quarter of the memory read per visited node), then measuring
   * exactly every node that the quantisation error leaves in doubt.
   */
  COMPACT_QUANTIZED,
  /**
   * jvector's {@code GraphSearcher} over the graph as built, rows in input order; every node of
   * the beam is measured exactly.
   */
  JVECTOR
}
