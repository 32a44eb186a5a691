package org.nightjar.models.index;

/**
 * The vectors with each coordinate stored in one byte (scalar quantisation): coordinate {@code j}
 * of a row is {@code low[j] + code · step[j]}, with {@code step[j]} a 255th of that coordinate's
 * range over the rows. A quarter of the float vectors' size, so a walk over a million rows reads
 * one cache line per visited node instead of four, and more of the rows stay in cache.
 *
 * <p>A row's decoded vector is within {@link #errorRadius()} (half a step in every coordinate) of
 * the true one, so by the triangle inequality a walk's distance is within that radius of the true
 * distance; {@link CompactCandidates} uses it to decide which nodes to measure exactly.
 *
 * <p>Immutable; thread-safe ({@link #scores()} hands each thread its own query state).
 */
final class QuantizedRows {

  private static final int LEVELS = 255;

  private final byte[] codes;
  private final float[] low;
  private final float[] step;
  private final int dimension;
  private final double errorRadius;

  private QuantizedRows(byte[] codes, float[] low, float[] step, int dimension) {
    this.codes = codes;
    this.low = low;
    this.step = step;
    this.dimension = dimension;
    double sum = 0.0;
    for (float s : step) {
      sum += 0.25 * s * s;
    }
    this.errorRadius = Math.sqrt(sum);
  }

  /** Quantises {@code size} rows of {@code vectors} (row-major). */
  static QuantizedRows of(float[] vectors, int size, int dimension) {
    float[] low = new float[dimension];
    float[] high = new float[dimension];
    java.util.Arrays.fill(low, Float.POSITIVE_INFINITY);
    java.util.Arrays.fill(high, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < dimension; j++) {
        float v = vectors[i * dimension + j];
        low[j] = Math.min(low[j], v);
        high[j] = Math.max(high[j], v);
      }
    }
    float[] step = new float[dimension];
    for (int j = 0; j < dimension; j++) {
      float range = high[j] - low[j];
      step[j] = range > 0f ? range / LEVELS : 1f;
    }
    byte[] codes = new byte[Math.multiplyExact(size, dimension)];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < dimension; j++) {
        long code = Math.round((vectors[i * dimension + j] - low[j]) / step[j]);
        codes[i * dimension + j] = (byte) Math.max(0, Math.min(LEVELS, code));
      }
    }
    return new QuantizedRows(codes, low, step, dimension);
  }

  /** Largest distance between a row and its decoded copy (half a step in every coordinate). */
  double errorRadius() {
    return errorRadius;
  }

  long bytes() {
    return codes.length + 8L * dimension;
  }

  /**
   * Scores against the decoded rows, computed in code units: with {@code u = (q − low) / step} and
   * weights {@code step²}, {@code Σ step² (u − code)²} is the squared distance to the decoded row.
   */
  WalkScores scores() {
    float[] units = new float[dimension];
    float[] weights = new float[dimension];
    for (int j = 0; j < dimension; j++) {
      weights[j] = step[j] * step[j];
    }
    return new WalkScores() {
      @Override
      public void query(float[] scaled) {
        for (int j = 0; j < dimension; j++) {
          units[j] = (scaled[j] - low[j]) / step[j];
        }
      }

      @Override
      public float squared(int node) {
        int at = node * dimension;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int j = 0;
        for (; j + 4 <= dimension; j += 4) {
          float d0 = units[j] - (codes[at + j] & 0xFF);
          float d1 = units[j + 1] - (codes[at + j + 1] & 0xFF);
          float d2 = units[j + 2] - (codes[at + j + 2] & 0xFF);
          float d3 = units[j + 3] - (codes[at + j + 3] & 0xFF);
          s0 += weights[j] * d0 * d0;
          s1 += weights[j + 1] * d1 * d1;
          s2 += weights[j + 2] * d2 * d2;
          s3 += weights[j + 3] * d3 * d3;
        }
        for (; j < dimension; j++) {
          float d = units[j] - (codes[at + j] & 0xFF);
          s0 += weights[j] * d * d;
        }
        return (s0 + s1) + (s2 + s3);
      }
    };
  }
}
