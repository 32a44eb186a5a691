package org.nightjar.models.index;

import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;

/**
 * jvector's similarity {@code 1 / (1 + d²)} over vectors kept in one row-major float array, for
 * building the graph and for searching it.
 *
 * <p>Why not jvector's own: on JDK 17 jvector has no SIMD, and its portable distance sums each
 * block of eight products in one dependent chain of additions; this one keeps four independent
 * partial sums, which the CPU overlaps, and reads rows from one contiguous array instead of a
 * million small ones. The scores only steer the graph; distances returned to callers are
 * recomputed in double by the index.
 *
 * <p>Immutable; thread-safe (every score function it hands out is independent).
 */
final class FlatL2Scores implements BuildScoreProvider {

  private final float[] flat;
  private final int dimension;
  private final int size;

  FlatL2Scores(float[] flat, int size, int dimension) {
    this.flat = flat;
    this.size = size;
    this.dimension = dimension;
  }

  /** Scores against an arbitrary query of length {@code dimension} (not copied: do not change it). */
  SearchScoreProvider forQuery(float[] query) {
    return new DefaultSearchScoreProvider(against(query, 0));
  }

  @Override
  public boolean isExact() {
    return true;
  }

  @Override
  public VectorFloat<?> approximateCentroid() {
    double[] sum = new double[dimension];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < dimension; j++) {
        sum[j] += flat[i * dimension + j];
      }
    }
    VectorFloat<?> centroid = vts.createFloatVector(dimension);
    for (int j = 0; j < dimension; j++) {
      centroid.set(j, (float) (sum[j] / size));
    }
    return centroid;
  }

  @Override
  public SearchScoreProvider searchProviderFor(VectorFloat<?> vector) {
    float[] query = new float[dimension];
    for (int j = 0; j < dimension; j++) {
      query[j] = vector.get(j);
    }
    return forQuery(query);
  }

  @Override
  public SearchScoreProvider searchProviderFor(int node) {
    return new DefaultSearchScoreProvider(against(flat, node * dimension));
  }

  @Override
  public SearchScoreProvider diversityProviderFor(int node) {
    return searchProviderFor(node);
  }

  @Override
  public ScoreFunction diversityScoreFunctionFor(int node) {
    return against(flat, node * dimension);
  }

  private ScoreFunction.ExactScoreFunction against(float[] source, int offset) {
    return other -> 1f / (1f + squared(source, offset, flat, other * dimension, dimension));
  }

  /** Squared distance in float with four independent partial sums. */
  static float squared(float[] a, int aOffset, float[] b, int bOffset, int length) {
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int j = 0;
    for (; j + 4 <= length; j += 4) {
      float d0 = a[aOffset + j] - b[bOffset + j];
      float d1 = a[aOffset + j + 1] - b[bOffset + j + 1];
      float d2 = a[aOffset + j + 2] - b[bOffset + j + 2];
      float d3 = a[aOffset + j + 3] - b[bOffset + j + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; j < length; j++) {
      float d = a[aOffset + j] - b[bOffset + j];
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
  }
}
