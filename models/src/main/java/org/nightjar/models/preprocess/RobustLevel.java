package org.nightjar.models.preprocess;

import java.util.Optional;

/**
 * The sky level of a stamp and the spread of its noise, robust to the sources on it: the median of
 * the finite pixels and 1.4826 times their median absolute deviation (the standard deviation, for
 * Gaussian noise).
 *
 * @param sigma may be 0 for a flat stamp; callers floor it as their use needs
 */
public record RobustLevel(double level, double sigma) {

  private static final double MAD_TO_SIGMA = 1.4826;

  /** Empty when no pixel is finite. */
  public static Optional<RobustLevel> of(float[] pixels) {
    float[] finite = new float[pixels.length];
    int n = 0;
    for (float p : pixels) {
      if (Float.isFinite(p)) {
        finite[n++] = p;
      }
    }
    if (n == 0) {
      return Optional.empty();
    }
    return Optional.of(ofFirst(finite, n));
  }

  /**
   * The level and spread of {@code values[0..n)}, which must be finite and at least one; the
   * range is overwritten with the absolute deviations from the level.
   */
  public static RobustLevel ofFirst(float[] values, int n) {
    double level = Median.ofFloats(values, n);
    for (int i = 0; i < n; i++) {
      // Deviations rounded to float, like the pixels (a relative change of 1e-7 at most in the
      // MAD), for the fast float selection.
      values[i] = (float) Math.abs(values[i] - level);
    }
    return new RobustLevel(level, MAD_TO_SIGMA * Median.ofFloats(values, n));
  }
}
