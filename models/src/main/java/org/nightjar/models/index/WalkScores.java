package org.nightjar.models.index;

/**
 * What a {@link GraphWalk} ranks nodes by: squared L2 distances to one query at a time, from the
 * float vectors (exact up to float rounding) or from a compressed copy ({@link QuantizedRows}).
 * Holds the current query: one per thread.
 */
interface WalkScores {

  /** Sets the (scaled) query that the following scores are against; not copied. */
  void query(float[] scaled);

  /** The walk's squared distance from the query to {@code node}. */
  float squared(int node);

  /** Scores straight from the float vectors (row-major, in the walk's numbering). */
  static WalkScores exact(float[] vectors, int dimension) {
    return new WalkScores() {
      private float[] query;

      @Override
      public void query(float[] scaled) {
        query = scaled;
      }

      @Override
      public float squared(int node) {
        return FlatL2Scores.squared(query, 0, vectors, node * dimension, dimension);
      }
    };
  }
}
