package org.nightjar.models.index;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import java.util.function.Supplier;

/**
 * Candidates from the index's own beam search ({@link GraphWalk}) over a {@link CompactGraph}
 * copy of jvector's graph, with the vectors stored in the same breadth-first order; the walk
 * ranks by float distances or, to read less memory, by distances to byte-quantised rows
 * ({@link QuantizedRows}).
 *
 * <p>Only the nodes that may be among the {@code wanted} nearest are handed on to be measured
 * exactly: those whose walk distance is within {@code 2r} of the {@code wanted}-th's, where
 * {@code r} bounds the walk's error (the quantisation's radius, or nothing for float distances),
 * with a relative {@link #SLACK} for float rounding (below {@code (d + 2)·2⁻²⁴} of a squared
 * distance, all terms being positive). For float distances that is usually {@code wanted} nodes
 * instead of the whole beam.
 */
final class CompactCandidates implements GraphCandidates {

  /** Relative margin on a squared walk distance; 25 times the float rounding bound at d = 64. */
  static final float SLACK = 1e-4f;

  private final CompactGraph graph;
  private final float[] vectors;
  private final int[] rowOfNode;
  private final double averageDegree;
  private final double errorRadius;
  private final long scoreBytes;
  private final ThreadLocal<GraphWalk> walks;

  private CompactCandidates(CompactGraph graph, float[] vectors, int[] rowOfNode, double averageDegree,
      double errorRadius, long scoreBytes, Supplier<WalkScores> scores) {
    this.graph = graph;
    this.vectors = vectors;
    this.rowOfNode = rowOfNode;
    this.averageDegree = averageDegree;
    this.errorRadius = errorRadius;
    this.scoreBytes = scoreBytes;
    this.walks = ThreadLocal.withInitial(() -> new GraphWalk(graph, scores.get()));
  }

  /**
   * Copies {@code graph} over {@code size} rows of {@code vectors} (row-major, scaled) in
   * breadth-first order; {@code vectors} itself is reordered in place to match, so the caller must
   * not use it in the old order afterwards. With {@code quantised}, the walk ranks by byte-quantised
   * copies of the rows.
   */
  static CompactCandidates reorderInPlace(ImmutableGraphIndex graph, float[] vectors, int size, int dimension,
      boolean quantised) {
    int[] order = CompactGraph.breadthFirstOrder(graph, size);
    int[] newId = new int[size];
    for (int i = 0; i < size; i++) {
      newId[order[i]] = i;
    }
    CompactGraph compact = CompactGraph.copyOf(graph, size, newId);
    permuteRows(vectors, dimension, order);
    double degree = graph.getAverageDegree(0);
    if (quantised) {
      QuantizedRows rows = QuantizedRows.of(vectors, size, dimension);
      return new CompactCandidates(compact, vectors, order, degree, rows.errorRadius(), rows.bytes(), rows::scores);
    }
    return new CompactCandidates(compact, vectors, order, degree, 0.0, 0L, () -> WalkScores.exact(vectors, dimension));
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
    double reach = Math.sqrt(walk.squared(wanted - 1) * (1.0 + SLACK)) + 2.0 * errorRadius;
    float bound = (float) (reach * reach * (1.0 + SLACK)) + Float.MIN_NORMAL;
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
    return graph.bytes() + 4L * rowOfNode.length + scoreBytes;
  }

  @Override
  public double averageDegree() {
    return averageDegree;
  }
}
