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
    double[] finite = new double[pixels.length];
    int n = 0;
    for (float p : pixels) {
      if (Float.isFinite(p)) {
        finite[n++] = p;
      }
    }
    if (n == 0) {
      return Optional.empty();
    }
    double level = Median.ofFirst(finite, n);
    for (int i = 0; i < n; i++) {
      finite[i] = Math.abs(finite[i] - level);
    }
    return Optional.of(new RobustLevel(level, MAD_TO_SIGMA * Median.ofFirst(finite, n)));
  }
}
