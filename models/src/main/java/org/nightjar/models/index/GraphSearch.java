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
   * jvector's {@code GraphSearcher} over the graph as built, rows in input order; every node of
   * the beam is measured exactly.
   */
  JVECTOR
}
