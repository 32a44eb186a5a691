package org.nightjar.models.index;

/**
 * One thread's beam search over a {@link CompactGraph}: greedy descent through the upper levels,
 * then the bottom level with a beam of the best nodes seen, kept sorted (the search of HNSW and
 * Vamana). Scores are squared L2 distances in float over vectors stored in the graph's numbering.
 *
 * <p>Its state is reused from search to search, so that a search allocates nothing: the visited
 * marks are one int per node, stamped with the search's number (no clearing between searches),
 * and the beam is three parallel arrays. Not thread-safe: one per thread.
 */
final class GraphWalk {

  private final CompactGraph graph;
  private final float[] vectors;
  private final int dimension;
  private final int[] visited;
  private int stamp;

  private int[] nodes = new int[0];
  private float[] squared = new float[0];
  private boolean[] expanded = new boolean[0];
  private int filled;

  GraphWalk(CompactGraph graph, float[] vectors, int dimension) {
    this.graph = graph;
    this.vectors = vectors;
    this.dimension = dimension;
    this.visited = new int[graph.size()];
  }

  /**
   * Searches for {@code query} keeping {@code beam} nodes; returns how many it found, which are
   * then {@link #node(int)} and {@link #squared(int)}, nearest first by float distance.
   */
  int search(float[] query, int beam) {
    if (nodes.length < beam) {
      nodes = new int[beam];
      squared = new float[beam];
      expanded = new boolean[beam];
    }
    if (++stamp == 0) {
      java.util.Arrays.fill(visited, 0);
      stamp = 1;
    }
    int current = graph.entry();
    float currentSquared = distance(query, current);
    for (int level = graph.upperLevels(); level >= 1; level--) {
      boolean moved = true;
      while (moved) {
        moved = false;
        for (int n : graph.upperNeighbours(level, current)) {
          float d = distance(query, n);
          if (d < currentSquared) {
            currentSquared = d;
            current = n;
            moved = true;
          }
        }
      }
    }
    filled = 0;
    visited[current] = stamp;
    int next = insert(current, currentSquared, beam);
    int[] bottom = graph.bottom();
    while (next < filled) {
      expanded[next] = true;
      int at = graph.bottomOffset(nodes[next]);
      int end = at + 1 + bottom[at];
      for (int i = at + 1; i < end; i++) {
        int n = bottom[i];
        if (visited[n] == stamp) {
          continue;
        }
        visited[n] = stamp;
        float d = distance(query, n);
        if (filled < beam || d < squared[filled - 1]) {
          next = Math.min(next, insert(n, d, beam));
        }
      }
      while (next < filled && expanded[next]) {
        next++;
      }
    }
    return filled;
  }

  int node(int i) {
    return nodes[i];
  }

  float squared(int i) {
    return squared[i];
  }

  /** Puts a node into the sorted beam (after equal distances), dropping the worst when full; returns its place. */
  private int insert(int node, float d, int beam) {
    int low = 0;
    int high = filled;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (squared[mid] <= d) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    int moved = Math.min(filled, beam - 1) - low;
    if (moved > 0) {
      System.arraycopy(nodes, low, nodes, low + 1, moved);
      System.arraycopy(squared, low, squared, low + 1, moved);
      System.arraycopy(expanded, low, expanded, low + 1, moved);
    }
    nodes[low] = node;
    squared[low] = d;
    expanded[low] = false;
    filled = Math.min(filled + 1, beam);
    return low;
  }

  private float distance(float[] query, int node) {
    return FlatL2Scores.squared(query, 0, vectors, node * dimension, dimension);
  }
}
