package org.nightjar.models.xd;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A fitted XD mixture used as a prior on the true feature values of objects, with some components
 * labelled "star" (the rest "galaxy") and the definition of each feature dimension.
 *
 * <p>P(star) for a measurement x with noise S is the total responsibility of the star components,
 * sum_{j in stars} alpha_j N(x | m_j, V_j + S) / sum_k alpha_k N(x | m_k, V_k + S). It is summed
 * directly (not as 1 - P(galaxy)) so that tiny probabilities keep their relative precision.
 *
 * <p>Immutable and thread-safe; each call allocates its own small workspace.
 */
public final class XdPrior {

  private final GaussianMixture mixture;
  private final BitSet stars;
  private final List<PriorFeature> features;

  public XdPrior(GaussianMixture mixture, int[] starComponents, List<PriorFeature> features) {
    this.mixture = mixture;
    this.stars = new BitSet();
    for (int j : starComponents) {
      if (j < 0 || j >= mixture.components()) {
        throw new IllegalArgumentException("star component " + j + " outside 0.." + (mixture.components() - 1));
      }
      stars.set(j);
    }
    if (features.size() != mixture.dimension()) {
      throw new IllegalArgumentException(
          "need " + mixture.dimension() + " feature definitions, got " + features.size());
    }
    this.features = List.copyOf(features);
  }

  public GaussianMixture mixture() {
    return mixture;
  }

  public List<PriorFeature> features() {
    return features;
  }

  public boolean isStar(int j) {
    return stars.get(j);
  }

  /** Indices of the star components in increasing order. */
  public int[] starComponents() {
    return stars.stream().toArray();
  }

  /** Probability that the object belongs to a star component. */
  public double starProbability(double[] x, double[][] s) {
    int d = mixture.dimension();
    double[] flat = XdPosterior.flatten(s, d);
    XdPosterior.checkPoint(x, flat, d);
    PointEvaluator ev = new PointEvaluator(mixture);
    double lse = ev.evaluate(x, 0, flat, 0, 0);
    double p = 0.0;
    for (int j = stars.nextSetBit(0); j >= 0; j = stars.nextSetBit(j + 1)) {
      p += Math.exp(ev.lnp[j] - lse);
    }
    return Math.min(1.0, p);
  }

  /** ln p(x | S) under the prior convolved with the noise. */
  public double logLikelihood(double[] x, double[][] s) {
    int d = mixture.dimension();
    double[] flat = XdPosterior.flatten(s, d);
    XdPosterior.checkPoint(x, flat, d);
    return new PointEvaluator(mixture).evaluate(x, 0, flat, 0, 0);
  }

  /** The full deconvolved posterior (responsibilities, means, covariances). */
  public XdPosterior posterior(double[] x, double[][] s) {
    return XdPosterior.of(mixture, x, s);
  }

  /** P(star) from a posterior already computed with this prior. */
  public double starProbability(XdPosterior posterior) {
    double[] r = posterior.responsibilities();
    if (r.length != mixture.components()) {
      throw new IllegalArgumentException("posterior has " + r.length + " components, prior " + mixture.components());
    }
    return Math.min(1.0, Arrays.stream(starComponents()).mapToDouble(j -> r[j]).sum());
  }
}
