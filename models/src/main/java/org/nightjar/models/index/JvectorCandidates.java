package org.nightjar.models.index;

import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.util.Bits;

/**
 * Candidates from jvector's own {@link GraphSearcher} over the graph as built, rows in the
 * caller's order. Its scores, {@code 1 / (1 + d²)} in float, are coarse among close rows, so
 * every node of the beam is measured again.
 */
final class JvectorCandidates implements GraphCandidates {

  private final ImmutableGraphIndex graph;
  private final FlatL2Scores scores;
  private final float[] vectors;
  private final ThreadLocal<GraphSearcher> searchers;

  JvectorCandidates(ImmutableGraphIndex graph, FlatL2Scores scores, float[] vectors) {
    this.graph = graph;
    this.scores = scores;
    this.vectors = vectors;
    this.searchers = ThreadLocal.withInitial(() -> new GraphSearcher(graph));
  }

  ImmutableGraphIndex graph() {
    return graph;
  }

  @Override
  public int candidates(float[] scaledQuery, int beam, int wanted, int[] out) {
    SearchResult result = searchers.get().search(scores.forQuery(scaledQuery), beam, beam, 0f, 0f, Bits.ALL);
    SearchResult.NodeScore[] nodes = result.getNodes();
    int count = Math.min(nodes.length, out.length);
    for (int i = 0; i < count; i++) {
      out[i] = nodes[i].node;
    }
    return count;
  }

  @Override
  public float[] vectors() {
    return vectors;
  }

  @Override
  public int row(int node) {
    return node;
  }

  @Override
  public long graphBytes() {
    return graph.ramBytesUsed();
  }

  @Override
  public double averageDegree() {
    return graph.getAverageDegree(0);
  }
}
