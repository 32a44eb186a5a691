package org.nightjar.models.index;

import java.util.Objects;

/**
 * The result of one batched search: for query {@code q}, {@code rows[q][j]} is its {@code j}-th
 * nearest reference row and {@code distances[q][j]} the L2 distance to it, ascending in {@code j}.
 *
 * <p>The arrays are owned by this result; callers must not change them.
 */
public record Neighbourhoods(int[][] rows, float[][] distances) {

  public Neighbourhoods {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(distances, "distances");
    if (rows.length != distances.length) {
      throw new IllegalArgumentException("rows and distances differ in length");
    }
  }

  /** Number of queries. */
  public int queries() {
    return rows.length;
  }
}
