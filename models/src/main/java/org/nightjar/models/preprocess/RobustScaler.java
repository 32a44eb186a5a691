package org.nightjar.models.preprocess;

/**
 * Per-cutout robust scaling: {@code asinh((x - median) / (softening * sigma))} with
 * {@code sigma = 1.4826 * MAD}, both over the finite pixels only; non-finite pixels become 0 (the
 * median) and are flagged in the mask.
 *
 * <p>Why: stamp levels differ by orders of magnitude between fields, bands and stamp kinds
 * (template sky is background-subtracted, science is not; difference is centred on zero), and a
 * few saturated stars would dominate a mean/std scaling. Median and MAD ignore those outliers;
 * the arcsinh keeps the noise linear and compresses bright sources logarithmically, so a
 * transient and a saturated star both end up within a few units.
 *
 * <p>Blank pixels: besides NaN and infinities, some ZTF templates mark missing pixels with
 * {@code -3.4028235e38} (minus the largest float) instead of NaN; any value beyond
 * {@link #BLANK_MAGNITUDE} is treated as missing, else it would drag the median and blow the
 * stretch up by dozens of units.
 *
 * <p>Stateless; thread-safe.
 */
final class RobustScaler {

  /** Magnitude from which a pixel counts as a blank sentinel rather than a measurement. */
  static final float BLANK_MAGNITUDE = 1e30f;

  private RobustScaler() {}

  /**
   * Scales {@code window} in place into {@code out} at {@code channel} of an interleaved (NHWC)
   * stack with {@code channels} planes, and writes the mask the same way.
   */
  static void scaleInto(
      float[] window, double softening, float[] out, float[] mask, int channel, int channels) {
    float[] finite = new float[window.length];
    int n = 0;
    for (float v : window) {
      if (isMeasured(v)) {
        finite[n++] = v;
      }
    }
    double median = 0;
    double sigma = 1;
    if (n > 0) {
      RobustLevel robust = RobustLevel.ofFirst(finite, n);
      median = robust.level();
      sigma = spread(robust.sigma(), window, median);
    }
    double scale = 1.0 / (softening * sigma);
    for (int i = 0; i < window.length; i++) {
      int at = i * channels + channel;
      float v = window[i];
      if (isMeasured(v)) {
        out[at] = (float) asinh((v - median) * scale);
        mask[at] = 1f;
      } else {
        out[at] = 0f;
        mask[at] = 0f;
      }
    }
  }

  /**
   * A usable spread: the MAD-based sigma, or, for stamps that are mostly one value (a flat
   * padded region, a zeroed template), the RMS about the median, or 1 when all finite pixels are
   * equal.
   */
  private static double spread(double madSigma, float[] window, double median) {
    if (madSigma > 0 && Double.isFinite(madSigma)) {
      return madSigma;
    }
    double sum = 0;
    int n = 0;
    for (float v : window) {
      if (isMeasured(v)) {
        sum += (v - median) * (v - median);
        n++;
      }
    }
    double rms = n > 0 ? Math.sqrt(sum / n) : 0;
    return rms > 0 && Double.isFinite(rms) ? rms : 1;
  }

  /** Finite and not a blank sentinel. */
  static boolean isMeasured(float v) {
    return Float.isFinite(v) && Math.abs(v) < BLANK_MAGNITUDE;
  }

  private static double asinh(double x) {
    // Odd-symmetric form: accurate for large negative x too.
    double a = Math.abs(x);
    double r = Math.log(a + Math.sqrt(a * a + 1));
    return x < 0 ? -r : r;
  }
}
