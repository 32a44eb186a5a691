package org.nightjar.models.index;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.NodesIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A read-only copy of a jvector graph in flat int arrays, with its nodes renumbered in
 * breadth-first order from the entry node.
 *
 * <p>Why: a search spends most of its time waiting for memory (each visited node is a neighbour
 * list and a 256-byte vector somewhere in a large heap). Here the bottom layer is one array, a
 * node's degree followed by its neighbours, and breadth-first numbering puts neighbours of a node
 * at nearby numbers, so their lists and vectors (stored in the same order) share pages and cache
 * lines more often (Coleman et al., "Graph reordering for cache-efficient near neighbor search",
 * 2022). The upper layers (a few percent of the nodes) keep one small array per node.
 *
 * <p>Immutable; thread-safe.
 */
final class CompactGraph {

  private final int size;
  private final int stride;
  /** Bottom layer: for node {@code v} at {@code v * stride}, its degree then its neighbours. */
  private final int[] bottom;
  /** {@code upper[l - 1][v]}: neighbours of {@code v} at level {@code l ≥ 1}, or null when absent there. */
  private final int[][][] upper;
  private final int entry;

  private CompactGraph(int size, int stride, int[] bottom, int[][][] upper, int entry) {
    this.size = size;
    this.stride = stride;
    this.bottom = bottom;
    this.upper = upper;
    this.entry = entry;
  }

  /**
   * Copies {@code graph} (nodes {@code 0..size-1}) with node {@code v} renamed {@code newId[v]}.
   */
  static CompactGraph copyOf(ImmutableGraphIndex graph, int size, int[] newId) {
    try (ImmutableGraphIndex.View view = graph.getView()) {
      int widest = 0;
      for (int v = 0; v < size; v++) {
        widest = Math.max(widest, view.getNeighborsIterator(0, v).size());
      }
      int stride = widest + 1;
      int[] bottom = new int[Math.multiplyExact(size, stride)];
      for (int v = 0; v < size; v++) {
        NodesIterator it = view.getNeighborsIterator(0, v);
        int at = newId[v] * stride;
        int degree = 0;
        while (it.hasNext()) {
          bottom[at + 1 + degree++] = newId[it.nextInt()];
        }
        bottom[at] = degree;
      }
      int levels = graph.getMaxLevel();
      int[][][] upper = new int[levels][][];
      for (int level = 1; level <= levels; level++) {
        int[][] lists = new int[size][];
        NodesIterator nodes = graph.getNodes(level);
        while (nodes.hasNext()) {
          int v = nodes.nextInt();
          NodesIterator it = view.getNeighborsIterator(level, v);
          int[] list = new int[it.size()];
          int c = 0;
          while (it.hasNext()) {
            list[c++] = newId[it.nextInt()];
          }
          lists[newId[v]] = Arrays.copyOf(list, c);
        }
        upper[level - 1] = lists;
      }
      return new CompactGraph(size, stride, bottom, upper, newId[view.entryNode().node]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The nodes of {@code graph} in breadth-first order over its bottom layer from its entry node,
   * neighbours in their stored order; nodes it cannot reach follow in numeric order. Returns
   * {@code order} with {@code order[i]} the node placed at {@code i}.
   */
  static int[] breadthFirstOrder(ImmutableGraphIndex graph, int size) {
    int[] order = new int[size];
    boolean[] placed = new boolean[size];
    int filled = 0;
    try (ImmutableGraphIndex.View view = graph.getView()) {
      int start = view.entryNode().node;
      order[filled++] = start;
      placed[start] = true;
      for (int head = 0; head < filled; head++) {
        NodesIterator it = view.getNeighborsIterator(0, order[head]);
        while (it.hasNext()) {
          int n = it.nextInt();
          if (!placed[n]) {
            placed[n] = true;
            order[filled++] = n;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int v = 0; v < size && filled < size; v++) {
      if (!placed[v]) {
        order[filled++] = v;
      }
    }
    return order;
  }

  int size() {
    return size;
  }

  /** The most neighbours a node has in the bottom layer. */
  int maxDegree() {
    return stride - 1;
  }

  int entry() {
    return entry;
  }

  /** Levels above the bottom one. */
  int upperLevels() {
    return upper.length;
  }

  /** Neighbours of {@code node} at {@code level ≥ 1} (empty when it is not on that level). */
  int[] upperNeighbours(int level, int node) {
    int[] list = upper[level - 1][node];
    return list == null ? new int[0] : list;
  }

  /** The bottom layer's array: {@code bottom()[bottomOffset(v)]} is the degree of {@code v}, its neighbours follow. */
  int[] bottom() {
    return bottom;
  }

  int bottomOffset(int node) {
    return node * stride;
  }

  /** Bytes of the arrays (an estimate: 16 bytes of header per array). */
  long bytes() {
    long total = 16L + 4L * bottom.length;
    for (int[][] level : upper) {
      total += 16L + 4L * level.length;
      for (int[] list : level) {
        if (list != null) {
          total += 16L + 4L * list.length;
        }
      }
    }
    return total;
  }
}
