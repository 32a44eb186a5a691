package org.nightjar.models.stargal;

import java.util.Arrays;

/**
 * Finds the point-source value of a morphology feature without labels: the densest part of its
 * distribution. In any ZTF alert sample the stellar locus of the template concentration is a
 * narrow peak (point sources share the PSF) while galaxies spread to larger values, so the mode is
 * the point-source value. Uses the half-sample mode (Bickel and Fruehwirth 2006): repeatedly keep
 * the half of the sorted values with the smallest range, then average the last two or three.
 *
 * <p>Thread-safe (stateless).
 */
public final class PointSourceLocus {

  private PointSourceLocus() {}

  public static double halfSampleMode(double[] values) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) {
      throw new IllegalArgumentException("no finite values");
    }
    int lo = 0;
    int n = v.length;
    while (n > 3) {
      int h = (n + 1) / 2;
      int bestStart = lo;
      double bestRange = Double.POSITIVE_INFINITY;
      for (int i = lo; i + h - 1 < lo + n; i++) {
        double range = v[i + h - 1] - v[i];
        if (range < bestRange) {
          bestRange = range;
          bestStart = i;
        }
      }
      lo = bestStart;
      n = h;
    }
    double sum = 0;
    for (int i = lo; i < lo + n; i++) {
      sum += v[i];
    }
    return sum / n;
  }
}
