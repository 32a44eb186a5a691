package org.nightjar.models.figures;

import java.util.Arrays;

/**
 * Counts of values in equal bins over {@code [lo, hi)}; values outside fall into the first or last
 * bin, NaN is left out. Draws as a step outline, the usual shape of a histogram on a line chart.
 *
 * <p>Immutable by convention (arrays owned by the record).
 */
public record Histogram(double lo, double hi, double[] counts) {

  public Histogram {
    if (!(hi > lo) || counts.length == 0) {
      throw new IllegalArgumentException("need lo < hi and at least one bin, got [" + lo + ", " + hi + ") and "
          + counts.length + " bins");
    }
  }

  public static Histogram of(double[] values, double lo, double hi, int bins) {
    double[] counts = new double[bins];
    for (double v : values) {
      if (!Double.isNaN(v)) {
        counts[bin(v, lo, hi, bins)]++;
      }
    }
    return new Histogram(lo, hi, counts);
  }

  /** The bin of {@code v}, clamped to the first and last. */
  public static int bin(double v, double lo, double hi, int bins) {
    int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
    return Math.max(0, Math.min(bins - 1, b));
  }

  public int bins() {
    return counts.length;
  }

  public double total() {
    return Arrays.stream(counts).sum();
  }

  public double peak() {
    return Arrays.stream(counts).max().orElse(0);
  }

  public double width() {
    return (hi - lo) / counts.length;
  }

  /** Each bin's centre. */
  public double[] centres() {
    double[] x = new double[counts.length];
    for (int b = 0; b < x.length; b++) {
      x[b] = lo + (b + 0.5) * width();
    }
    return x;
  }

  /** The same bins, each count divided by {@code divisor} (e.g. the total, for fractions). */
  public Histogram scaled(double divisor) {
    double[] c = counts.clone();
    for (int b = 0; b < c.length; b++) {
      c[b] = divisor == 0 ? 0 : c[b] / divisor;
    }
    return new Histogram(lo, hi, c);
  }

  /**
   * The outline as x and y arrays: from ({@code lo}, {@code base}) up and along each bin at
   * {@code base + count}, back down to {@code base} at the far edge.
   */
  public double[][] outline(double base) {
    int n = counts.length;
    double[] x = new double[2 * n + 2];
    double[] y = new double[2 * n + 2];
    x[0] = lo;
    y[0] = base;
    for (int b = 0; b < n; b++) {
      x[2 * b + 1] = lo + b * width();
      y[2 * b + 1] = base + counts[b];
      x[2 * b + 2] = lo + (b + 1) * width();
      y[2 * b + 2] = base + counts[b];
    }
    x[2 * n + 1] = hi;
    y[2 * n + 1] = base;
    return new double[][] {x, y};
  }
}
