package org.nightjar.models.anomaly;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.nightjar.models.preprocess.SortedQuantile;

/**
 * The space the reference set is searched in: the autoencoder's latent vector followed by the
 * stamp descriptors, each turned into a normal score by its empirical distribution over the
 * training alerts, times {@code weight}. The descriptors have skewed, long-tailed distributions;
 * a rank-based normal score makes "as unusual as the rarest one in a hundred real alerts" mean
 * the same (about 2.3) for every descriptor, and beyond the range of the real alerts it keeps
 * growing linearly with the slope of the outermost percentiles, so what no real alert looks like
 * lands far from every reference.
 *
 * <p>Immutable by convention (arrays owned); thread-safe.
 *
 * @param descriptors names of the appended descriptors, in order (empty: the latent vector alone)
 * @param percentiles per descriptor, its 1st to 99th percentiles over the training alerts
 */
public record SearchSpace(int latentDimension, List<String> descriptors, double[][] percentiles, double weight) {

  /** Number of percentiles kept per descriptor (1 to 99). */
  public static final int KNOTS = 99;
  private static final double[] NORMAL_SCORES = new double[KNOTS];

  static {
    NormalDistribution normal = new NormalDistribution();
    for (int i = 0; i < KNOTS; i++) {
      NORMAL_SCORES[i] = normal.inverseCumulativeProbability((i + 1) / 100.0);
    }
  }

  public SearchSpace {
    descriptors = List.copyOf(descriptors);
    if (latentDimension < 1 || percentiles.length != descriptors.size()) {
      throw new IllegalArgumentException("a latent dimension and percentiles for each descriptor are needed");
    }
    for (int j = 0; j < percentiles.length; j++) {
      double[] q = percentiles[j];
      if (q.length != KNOTS) {
        throw new IllegalArgumentException("descriptor " + descriptors.get(j) + " needs " + KNOTS + " percentiles");
      }
      for (int i = 0; i < KNOTS; i++) {
        if (!Double.isFinite(q[i]) || (i > 0 && q[i] < q[i - 1])) {
          throw new IllegalArgumentException("percentiles of " + descriptors.get(j) + " must be finite and ascending");
        }
      }
    }
    if (!(weight >= 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be finite and >= 0");
    }
  }

  /** The latent vector alone. */
  public static SearchSpace latentOnly(int latentDimension) {
    return new SearchSpace(latentDimension, List.of(), new double[0][], 0);
  }

  /** Percentiles from the training alerts' descriptors. */
  public static SearchSpace fit(int latentDimension, List<String> names, List<double[]> descriptors, double weight) {
    int n = descriptors.size();
    if (n == 0) {
      throw new IllegalArgumentException("no descriptors to fit");
    }
    double[][] percentiles = new double[names.size()][KNOTS];
    for (int j = 0; j < names.size(); j++) {
      double[] column = new double[n];
      for (int i = 0; i < n; i++) {
        column[i] = descriptors.get(i)[j];
      }
      Arrays.sort(column);
      for (int i = 0; i < KNOTS; i++) {
        percentiles[j][i] = SortedQuantile.of(column, (i + 1) / 100.0);
      }
    }
    return new SearchSpace(latentDimension, names, percentiles, weight);
  }

  public int dimension() {
    return latentDimension + descriptors.size();
  }

  /** The search vector of one alert. */
  public float[] vector(float[] latent, double[] values) {
    Objects.requireNonNull(latent, "latent");
    if (latent.length != latentDimension) {
      throw new IllegalArgumentException("latent vector of " + latent.length + ", space of " + latentDimension);
    }
    if (!descriptors.isEmpty() && values.length != descriptors.size()) {
      throw new IllegalArgumentException(values.length + " descriptors given, the space has " + descriptors.size());
    }
    float[] v = Arrays.copyOf(latent, dimension());
    for (int j = 0; j < descriptors.size(); j++) {
      v[latentDimension + j] = (float) (weight * normalScore(values[j], percentiles[j]));
    }
    return v;
  }

  /** The normal score of {@code x} under the distribution with these percentiles. */
  static double normalScore(double x, double[] q) {
    if (x <= q[0]) {
      return NORMAL_SCORES[0] - (q[0] - x) * tailSlope(q, 0, 4);
    }
    if (x >= q[KNOTS - 1]) {
      return NORMAL_SCORES[KNOTS - 1] + (x - q[KNOTS - 1]) * tailSlope(q, KNOTS - 5, KNOTS - 1);
    }
    // Among equal percentiles, x sits in the middle of their normal scores.
    int first = 0;
    while (q[first] < x) {
      first++;
    }
    if (q[first] == x) {
      int last = first;
      while (last + 1 < KNOTS && q[last + 1] == x) {
        last++;
      }
      return (NORMAL_SCORES[first] + NORMAL_SCORES[last]) / 2;
    }
    int lo = first - 1;
    double t = (x - q[lo]) / (q[first] - q[lo]);
    return NORMAL_SCORES[lo] + t * (NORMAL_SCORES[first] - NORMAL_SCORES[lo]);
  }

  /** Normal-score units per descriptor unit between two percentiles (a flat stretch counts as steep). */
  private static double tailSlope(double[] q, int a, int b) {
    double width = q[b] - q[a];
    double spread = q[KNOTS - 1] - q[0];
    double floor = spread > 0 ? spread * 1e-3 : 1e-6;
    return (NORMAL_SCORES[b] - NORMAL_SCORES[a]) / Math.max(width, floor);
  }
}
