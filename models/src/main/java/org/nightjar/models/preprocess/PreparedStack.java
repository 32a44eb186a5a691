package org.nightjar.models.preprocess;

/**
 * One alert's network input: {@code size x size x 3} values interleaved per pixel (NHWC order,
 * channels science, template, difference) and a mask of the same layout, 1 where the original
 * pixel was finite and 0 where it was missing, non-finite or padding.
 *
 * <p>Immutable by contract (arrays exposed for speed; do not modify). Thread-safe.
 */
public record PreparedStack(float[] values, float[] mask, int size, int channels) {

  public PreparedStack {
    int length = size * size * channels;
    if (values.length != length || mask.length != length) {
      throw new IllegalArgumentException("stack arrays must hold " + length + " values");
    }
  }

  /** Number of pixels (over all channels) that carried real data. */
  public int finiteCount() {
    int n = 0;
    for (float m : mask) {
      n += m > 0 ? 1 : 0;
    }
    return n;
  }
}
