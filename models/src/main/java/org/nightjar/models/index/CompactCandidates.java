package org.nightjar.models.index;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex;

/**
 * Candidates from the index's own beam search ({@link GraphWalk}) over a {@link CompactGraph}
 * copy of jvector's graph, with the vectors stored in the same breadth-first order.
 *
 * <p>The walk ranks nodes by squared distance in float, whose rounding error is below
 * {@code (d + 2)·2⁻²⁴} of the distance (all terms are positive), far inside {@link #SLACK}: only the
 * nodes within that bound of the {@code wanted}-th are handed on to be measured exactly, usually
 * {@code wanted} of them, instead of the whole beam.
 */
final class CompactCandidates implements GraphCandidates {

  /** Relative margin on the float distance of the last wanted node; 25 times the rounding bound at d = 64. */
  static final float SLACK = 1e-4f;

  private final CompactGraph graph;
  private final float[] vectors;
  private final int[] rowOfNode;
  private final int dimension;
  private final double averageDegree;
  private final ThreadLocal<GraphWalk> walks;

  private CompactCandidates(CompactGraph graph, float[] vectors, int[] rowOfNode, int dimension, double averageDegree) {
    this.graph = graph;
    this.vectors = vectors;
    this.rowOfNode = rowOfNode;
    this.dimension = dimension;
    this.averageDegree = averageDegree;
    this.walks = ThreadLocal.withInitial(() -> new GraphWalk(graph, vectors, dimension));
  }

  /**
   * Copies {@code graph} over {@code size} rows of {@code vectors} (row-major, scaled) in
   * breadth-first order; {@code vectors} itself is reordered in place to match, so the caller must
   * not use it in the old order afterwards.
   */
  static CompactCandidates reorderInPlace(ImmutableGraphIndex graph, float[] vectors, int size, int dimension) {
    int[] order = CompactGraph.breadthFirstOrder(graph, size);
    int[] newId = new int[size];
    for (int i = 0; i < size; i++) {
      newId[order[i]] = i;
    }
    CompactGraph compact = CompactGraph.copyOf(graph, size, newId);
    permuteRows(vectors, dimension, order);
    return new CompactCandidates(compact, vectors, order, dimension, graph.getAverageDegree(0));
  }

  /** Rearranges rows so that row {@code i} becomes the old row {@code order[i]}, following the permutation's cycles. */
  static void permuteRows(float[] vectors, int dimension, int[] order) {
    boolean[] done = new boolean[order.length];
    float[] held = new float[dimension];
    for (int start = 0; start < order.length; start++) {
      if (done[start]) {
        continue;
      }
      System.arraycopy(vectors, start * dimension, held, 0, dimension);
      int i = start;
      while (order[i] != start) {
        System.arraycopy(vectors, order[i] * dimension, vectors, i * dimension, dimension);
        done[i] = true;
        i = order[i];
      }
      System.arraycopy(held, 0, vectors, i * dimension, dimension);
      done[i] = true;
    }
  }

  @Override
  public int candidates(float[] scaledQuery, int beam, int wanted, int[] out) {
    GraphWalk walk = walks.get();
    int found = walk.search(scaledQuery, beam);
    if (found < wanted) {
      return found;
    }
    float bound = walk.squared(wanted - 1) * (1f + SLACK) + Float.MIN_NORMAL;
    int count = 0;
    while (count < found && walk.squared(count) <= bound) {
      out[count] = walk.node(count);
      count++;
    }
    return count;
  }

  @Override
  public float[] vectors() {
    return vectors;
  }

  @Override
  public int row(int node) {
    return rowOfNode[node];
  }

  @Override
  public long graphBytes() {
    return graph.bytes() + 4L * rowOfNode.length;
  }

  @Override
  public double averageDegree() {
    return averageDegree;
  }
}
