package org.nightjar.models.index;

/**
 * Checks shared by the indexes, so both reject the same inputs with the same messages: a
 * reference set is at least one vector, all of one positive length, all finite; a query batch
 * matches the index's dimension and is finite; {@code k} is positive. A NaN or infinity would
 * compare false against every distance and silently drop out of (or take over) a ranking.
 */
final class Vectors {

  private Vectors() {}

  /** The reference vectors copied row-major into one array; throws when they do not form a set. */
  static float[] flatten(float[][] vectors) {
    if (vectors == null || vectors.length == 0) {
      throw new IllegalArgumentException("an index needs at least one vector");
    }
    if (vectors[0] == null || vectors[0].length == 0) {
      throw new IllegalArgumentException("vector 0 is null or empty");
    }
    int d = vectors[0].length;
    if ((long) vectors.length * d > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(vectors.length + " vectors of " + d + " values do not fit one array");
    }
    float[] flat = new float[vectors.length * d];
    for (int i = 0; i < vectors.length; i++) {
      float[] v = vectors[i];
      if (v == null || v.length != d) {
        throw new IllegalArgumentException("vector " + i + " has " + (v == null ? "no" : v.length) + " values, vector 0 has " + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Float.isFinite(v[j])) {
          throw new IllegalArgumentException("vector " + i + " has a non-finite value at " + j);
        }
      }
      System.arraycopy(v, 0, flat, i * d, d);
    }
    return flat;
  }

  /** Throws unless {@code queries} is a batch of finite vectors of length {@code dimension} and {@code k ≥ 1}. */
  static void checkSearch(float[][] queries, int k, int dimension) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    if (queries == null) {
      throw new IllegalArgumentException("queries is null");
    }
    for (int i = 0; i < queries.length; i++) {
      float[] q = queries[i];
      if (q == null || q.length != dimension) {
        throw new IllegalArgumentException(
            "query " + i + " has " + (q == null ? "no" : q.length) + " values, the index has dimension " + dimension);
      }
      for (int j = 0; j < dimension; j++) {
        if (!Float.isFinite(q[j])) {
          throw new IllegalArgumentException("query " + i + " has a non-finite value at " + j);
        }
      }
    }
  }
}
