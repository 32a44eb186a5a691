package org.nightjar.models.index;

import java.util.Arrays;

/**
 * One thread's beam search over a {@link CompactGraph}: greedy descent through the upper levels,
 * then the bottom level with a beam of the best nodes seen, kept sorted (the search of HNSW and
 * Vamana). It ranks by {@link WalkScores}: squared L2 distances over vectors stored in the graph's
 * numbering, in float or from a byte-quantised copy.
 *
 * <p>Its state is reused from search to search, so that a search allocates nothing: the visited
 * marks are one int per node, stamped with the search's number (no clearing between searches),
 * and the beam is three parallel arrays. Not thread-safe: one per thread.
 */
final class GraphWalk {

  private final CompactGraph graph;
  private final WalkScores scores;
  private final int[] visited;
  private int stamp;

  private int[] nodes = new int[0];
  private float[] squared = new float[0];
  private boolean[] expanded = new boolean[0];
  private int filled;
  private final int[] gathered;
  private final float[] gatheredSquared;

  GraphWalk(CompactGraph graph, WalkScores scores) {
    this.graph = graph;
    this.scores = scores;
    this.visited = new int[graph.size()];
    this.gathered = new int[graph.maxDegree()];
    this.gatheredSquared = new float[graph.maxDegree()];
  }

  /**
   * Searches for {@code query} keeping {@code beam} nodes; returns how many it found, which are
   * then {@link #node(int)} and {@link #squared(int)}, nearest first by the walk's distance.
   */
  int search(float[] query, int beam) {
    scores.query(query);
    if (nodes.length < beam) {
      nodes = new int[beam];
      squared = new float[beam];
      expanded = new boolean[beam];
    }
    if (++stamp == 0) {
      Arrays.fill(visited, 0);
      stamp = 1;
    }
    int current = graph.entry();
    float currentSquared = scores.squared(current);
    for (int level = graph.upperLevels(); level >= 1; level--) {
      boolean moved = true;
      while (moved) {
        moved = false;
        for (int n : graph.upperNeighbours(level, current)) {
          float d = scores.squared(n);
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
      // Gather the unvisited neighbours first and measure them in one tight loop: their vectors'
      // cache misses are then independent of each other and of the beam's bookkeeping, so the
      // CPU overlaps them.
      int fresh = 0;
      for (int i = at + 1; i < end; i++) {
        int n = bottom[i];
        if (visited[n] != stamp) {
          visited[n] = stamp;
          gathered[fresh++] = n;
        }
      }
      for (int f = 0; f < fresh; f++) {
        gatheredSquared[f] = scores.squared(gathered[f]);
      }
      for (int f = 0; f < fresh; f++) {
        float d = gatheredSquared[f];
        if (filled < beam || d < squared[filled - 1]) {
          next = Math.min(next, insert(gathered[f], d, beam));
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
}
